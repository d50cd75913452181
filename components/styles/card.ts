/** The entity cards and their parts (header, facts, lists, technique tree, sources). */
export const cardCss = `
.til-card {
  box-sizing: border-box;
  font: var(--til-font);
  color: var(--til-fg);
  background: var(--til-bg);
  text-align: left;
  overflow-wrap: anywhere;
}
.til-card *, .til-card *::before, .til-card *::after { box-sizing: inherit; }
.til-card.til-compact { max-width: 420px; }
.til-card p { margin: 4px 0; }
.til-head { margin: 0 0 6px; }
.til-eyebrow { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-size: 11px; color: var(--til-muted); }
.til-title-row { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.til-title { margin: 2px 0 0; font-size: 16px; font-weight: 600; line-height: 1.25; }
.til-id { color: var(--til-muted); font-family: var(--til-mono); font-size: 11.5px; }
.til-badge { padding: 0 5px; border: 1px solid currentColor; border-radius: 3px; font-size: 11px; }
.til-badge-warn { background: var(--til-warn-bg); color: var(--til-warn-fg); }
.til-redirect { margin: 6px 0 0; padding: 4px 6px; border-radius: 4px; background: var(--til-warn-bg); color: var(--til-warn-fg); }
.til-muted, .til-giver, .til-count { color: var(--til-muted); }
.til-alias-name { font-weight: 500; }
.til-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0; }
.til-fact { display: contents; }
.til-facts dt { color: var(--til-muted); }
.til-facts dd { margin: 0; }
.til-rich p { margin: 6px 0; white-space: pre-line; }
.til-section { margin: 10px 0 0; padding-top: 8px; border-top: 1px solid var(--til-border); }
.til-section-title { margin: 0 0 4px; font-size: 11px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--til-muted); }
.til-block-list, .til-tech-tree, .til-tech-subs { list-style: none; margin: 0; padding: 0; }
.til-block-list > li { margin: 2px 0; }
.til-tech-subs { margin-left: 4px; padding-left: 14px; border-left: 1px solid var(--til-border); }
.til-tactic { font-weight: 600; }
.til-tactic-group h4 { margin: 8px 0 2px; font-size: 13px; }
.til-tech-id { font-family: var(--til-mono); font-size: 12px; }
.til-events > li { margin: 6px 0; white-space: pre-line; }
.til-date { font-weight: 600; }
.til-attribution { margin: 2px 0 6px; font-size: 11.5px; color: var(--til-muted); }
.til-sources { font-size: 12px; }
.til-card a { color: var(--til-link); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
.til-card button.til-ref, .til-card button.til-open, .til-more {
  all: unset;
  color: var(--til-link);
  cursor: pointer;
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 2px;
}
.til-more { font-size: 12px; text-decoration-style: dotted; }
.til-open { flex: none; font-size: 12px; }
.til-card a:focus-visible, .til-card button:focus-visible, .til-more:focus-visible {
  outline: 2px solid var(--til-focus);
  outline-offset: 1px;
  border-radius: 2px;
}
`;
