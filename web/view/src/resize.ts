/**
 * Watches the document's size and reports it at most once per animation frame, only when it really changed.
 * Height is the content's natural height (`max-content`), so a widget can shrink as well as grow.
 */
export interface Size {
  width: number;
  height: number;
}

export function observeSize(report: (size: Size) => void): () => void {
  if (typeof ResizeObserver === "undefined") return () => {};
  let frame = 0;
  let last = "";
  const measure = () => {
    frame = 0;
    const html = document.documentElement;
    const saved = html.style.height;
    html.style.height = "max-content";
    const height = Math.ceil(html.getBoundingClientRect().height);
    html.style.height = saved;
    const width = Math.ceil(window.innerWidth);
    const key = `${width}x${height}`;
    if (key !== last) {
      last = key;
      report({ width, height });
    }
  };
  const observer = new ResizeObserver(() => {
    frame ||= requestAnimationFrame(measure);
  });
  observer.observe(document.documentElement);
  if (document.body) observer.observe(document.body);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}
