// An attachment for side panels: reports how much of the hall the panel covers, so the hall frames its view beside it.
import type { Attachment } from 'svelte/attachments';
import type { ViewInset } from '../hall/viewport';

/**
 * A side panel sits on the right in landscape and along the bottom in portrait (global.css): it covers
 * its width or its height. Reports on attach, on every resize and on every orientation change.
 */
export function reportCover(oncover: ((inset: ViewInset) => void) | undefined): Attachment<HTMLElement> {
  return (panel) => {
    if (!oncover) return;
    const portrait = window.matchMedia('(orientation: portrait)');
    const report = () => oncover(portrait.matches ? { right: 0, bottom: panel.offsetHeight } : { right: panel.offsetWidth, bottom: 0 });
    const observer = new ResizeObserver(report);
    observer.observe(panel);
    portrait.addEventListener('change', report);
    report();
    return () => {
      observer.disconnect();
      portrait.removeEventListener('change', report);
    };
  };
}
