// A Markdown article rendered as React elements (react-markdown builds them from the syntax
// tree; no HTML string is ever made). Links and images are shown as text with their address,
// never followed or loaded, and raw HTML in the file is shown as the text it is.
import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Remark plugin: raw HTML nodes become text nodes, so they are shown, not dropped or run. */
export function remarkHtmlAsText() {
  const visit = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(visit);
  };
  return visit;
}

// The article's own title is the page's h1, so Markdown headings start one level below.
const heading =
  (Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') =>
  ({ children }: { children?: ReactNode }) => <Tag dir="auto">{children}</Tag>;

const components: Components = {
  h1: heading('h2'),
  h2: heading('h3'),
  h3: heading('h4'),
  h4: heading('h5'),
  h5: heading('h6'),
  h6: heading('h6'),
  p: ({ children }) => <p dir="auto">{children}</p>,
  li: ({ children }) => <li dir="auto">{children}</li>,
  a: ({ href, children }) => (
    <span className="md-link">
      {children}
      {href && <span className="md-url"> ({href})</span>}
    </span>
  ),
  img: ({ src, alt }) => (
    <span className="md-image">
      [{alt || 'image'}
      {typeof src === 'string' && src ? `: ${src}` : ''}]
    </span>
  ),
};

// Addresses are only shown as text, so they are kept exactly as written.
const keepUrl = (url: string) => url;

/** The clean body of a Markdown file, formatted. */
export const MarkdownBody = memo(function MarkdownBody({ text }: { text: string }) {
  return (
    <div className="article-body markdown" data-testid="markdown-body">
      <Markdown
        remarkPlugins={[remarkHtmlAsText]}
        components={components}
        urlTransform={keepUrl}
        skipHtml={false}
      >
        {text}
      </Markdown>
    </div>
  );
});

/** True for articles imported from a Markdown file. */
export const isMarkdownSource = (sourceName: string): boolean =>
  /\.(md|markdown)$/i.test(sourceName);
