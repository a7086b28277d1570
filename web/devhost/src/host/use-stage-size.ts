import { useCallback, useState } from "react";

/** The stage's inner size, followed as the window resizes; fullscreen widgets take all of it. */
export function useStageSize(): [(element: HTMLElement | null) => void, { width: number; height: number }] {
  const [size, setSize] = useState({ width: 960, height: 640 });
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => {
      const width = Math.floor(element.clientWidth - 32);
      const height = Math.floor(element.clientHeight - 72);
      setSize((s) => (s.width === width && s.height === height ? s : { width: Math.max(width, 320), height: Math.max(height, 240) }));
    };
    measure();
    new ResizeObserver(measure).observe(element);
  }, []);
  return [ref, size];
}
