// Advertising slots, removed before Readability scores the page: it drops boxes named
// "sidebar", "comment" or "-ad-", but an ad placed between paragraphs with class "ad",
// "advert" or "ad-slot" would otherwise be read as part of the article.
import type { DomNode } from './dom-node';

interface RemovableNode extends DomNode {
  remove(): void;
}

interface QueryableDocument {
  querySelectorAll(selector: string): ArrayLike<RemovableNode>;
}

// Class or id tokens of ad containers across common ad servers and site templates.
const AD_TOKEN =
  /^(?:ads?|adv|adverts?|advertis\w*|adsbygoogle|ad[-_]\w+|\w+[-_]ads?|div-gpt-ad\S*|dfp[-_]\S+|sponsor(?:ed)?(?:[-_]\S+)?)$/i;

/** Removes elements whose class or id names an advertisement, and ad-server markup. */
export function removeAdvertising(doc: QueryableDocument): void {
  const found = Array.from(doc.querySelectorAll('[class], [id], ins, [data-ad], [data-ad-slot]'));
  for (const node of found) {
    const tokens = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`;
    const isAd =
      node.getAttribute?.('data-ad') != null ||
      node.getAttribute?.('data-ad-slot') != null ||
      tokens.split(/\s+/).some((t) => t !== '' && AD_TOKEN.test(t));
    if (isAd) node.remove();
  }
}
