/** The ambiguity switcher: why a name is ambiguous and one tab per candidate. */
export const candidateSwitcherCss = `
.til-switcher { font: var(--til-font); color: var(--til-fg); }
.til-ambiguity { margin: 0 0 6px; font-weight: 600; }
.til-tabs { display: flex; flex-direction: column; gap: 3px; margin: 0 0 8px; max-height: 30vh; overflow: auto; }
.til-tab {
  all: unset;
  display: block;
  padding: 4px 8px;
  border: 1px solid var(--til-border);
  border-radius: 4px;
  cursor: pointer;
  font: var(--til-font);
}
.til-tab:hover { background: var(--til-subtle); }
.til-tab[aria-selected="true"] { border-color: var(--til-accent); background: var(--til-subtle); box-shadow: inset 3px 0 0 var(--til-accent); }
.til-tab:focus-visible { outline: 2px solid var(--til-focus); outline-offset: 1px; }
.til-tab-name { font-weight: 600; }
.til-tab-why { display: block; font-size: 11.5px; color: var(--til-muted); }
.til-panel { padding-top: 8px; border-top: 1px solid var(--til-border); }
@media (forced-colors: active) { .til-tab[aria-selected="true"] { border: 2px solid Highlight; } }
`;
