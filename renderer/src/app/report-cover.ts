// An attachment for side panels: reports how much of the hall the panel covers, so the hall frames its view beside it.
import type { Attachment } from 'svelte/attachments';
import type { ViewInset } from '../hall/types';

/**
 * A side panel sits on the right in landscape, and along the bottom in portrait and in the low-reach
 * mode (global.css): a panel that spans the whole width covers its height, any other covers its width.
 * Reports on attach and whenever the panel's size changes (which every one of those switches causes).
 */
export function reportCover(oncover: ((inset: ViewInset) => void) | undefined): Attachment<HTMLElement> {
  return (panel) => {
    if (!oncover) return;
    const report = () => {
      const spansWidth = panel.offsetLeft <= 1;
      oncover(spansWidth ? { right: 0, bottom: panel.offsetHeight } : { right: panel.offsetWidth, bottom: 0 });
    };
    const observer = new ResizeObserver(report);
    observer.observe(panel);
    report();
    return () => observer.disconnect();
  };
}
