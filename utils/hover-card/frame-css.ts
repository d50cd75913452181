/** The hover card's own frame: a bordered, scrolling panel with a sticky top bar. */
export const frameCss = `
.til-hover {
  box-sizing: border-box;
  width: max-content;
  min-width: 220px;
  max-width: min(420px, calc(100vw - 16px));
  max-height: 70vh;
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0 12px 10px;
  border: 1px solid var(--til-border);
  border-radius: 8px;
  background: var(--til-bg);
  color: var(--til-fg);
  font: var(--til-font);
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.12);
}
.til-hover *, .til-hover *::before, .til-hover *::after { box-sizing: border-box; }
.til-hover-bar {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  min-height: 26px;
  padding-top: 6px;
  background: var(--til-bg);
  font-size: 11px;
  color: var(--til-muted);
}
.til-brand { font-weight: 600; letter-spacing: 0.02em; }
.til-close, .til-retry {
  all: unset;
  cursor: pointer;
  border-radius: 4px;
  color: var(--til-muted);
}
.til-close { width: 22px; height: 22px; line-height: 22px; text-align: center; font-size: 16px; }
.til-close:hover, .til-retry:hover { background: var(--til-subtle); color: var(--til-fg); }
.til-retry { padding: 2px 8px; border: 1px solid var(--til-border); color: var(--til-fg); }
.til-close:focus-visible, .til-retry:focus-visible { outline: 2px solid var(--til-focus); outline-offset: 1px; }
.til-status { margin: 4px 0; color: var(--til-muted); }
.til-error { color: var(--til-error); }
`;
