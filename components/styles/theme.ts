/**
 * The palette every TI Lens surface shares, as custom properties on `.til-theme`: neutral,
 * readable on light and dark systems, and left to the system colours in forced-colours mode.
 */
export const themeCss = `
.til-theme {
  color-scheme: light dark;
  --til-bg: #ffffff;
  --til-fg: #1f2328;
  --til-muted: #59636e;
  --til-border: #d1d9e0;
  --til-subtle: #f3f5f7;
  --til-link: #0550ae;
  --til-accent: #0969da;
  --til-focus: #0969da;
  --til-warn-bg: #fff8c5;
  --til-warn-fg: #6a4200;
  --til-error: #b3261e;
  --til-font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --til-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  .til-theme {
    --til-bg: #1f2328;
    --til-fg: #e6edf3;
    --til-muted: #9aa4ae;
    --til-border: #3d444d;
    --til-subtle: #2a3038;
    --til-link: #6cb6ff;
    --til-accent: #4493f8;
    --til-focus: #6cb6ff;
    --til-warn-bg: #3a2d06;
    --til-warn-fg: #f0c65a;
    --til-error: #ff8a80;
  }
}
@media (forced-colors: active) {
  .til-theme {
    --til-bg: Canvas; --til-fg: CanvasText; --til-muted: CanvasText; --til-border: CanvasText;
    --til-subtle: Canvas; --til-link: LinkText; --til-accent: Highlight; --til-focus: Highlight;
    --til-warn-bg: Canvas; --til-warn-fg: CanvasText; --til-error: CanvasText;
  }
}
`;
