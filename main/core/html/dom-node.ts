// The few DOM members the extraction reads, typed structurally: the main process has no DOM
// library types, and the server-side DOM (linkedom) provides these.

/** A node of a parsed page, as far as the text extraction uses it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

/** A parsed document, as far as the metadata reading uses it. */
export interface DomDocument {
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
