// Mirrors the visit onto the page: the document's language and mode attributes (global.css styles by them), and the diagnostics' screen.
import { reportLocale, reportScreen } from '../diagnostics';
import type { DiagnosticsScreen } from '../diagnostics';
import type { KioskState } from '../state/kiosk.svelte';

/** Call during a component's setup: the effects live as long as the component. */
export function reflectOnPage(kiosk: KioskState, openExhibitId: () => string | null): void {
  $effect(() => {
    document.documentElement.lang = kiosk.locale;
    reportLocale(kiosk.locale);
  });
  $effect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-low-reach', kiosk.modes.lowReach);
    root.toggleAttribute('data-large-text', kiosk.modes.largeText);
    root.toggleAttribute('data-high-contrast', kiosk.modes.highContrast);
    root.toggleAttribute('data-reduced-motion', kiosk.modes.reducedMotion);
  });
  $effect(() => {
    const kind = kiosk.screen === 'attract' ? undefined : kiosk.overlay?.kind;
    const screen: DiagnosticsScreen = kiosk.screen === 'attract' ? 'attract' : kind === 'exhibit' || kind === 'mascot' || kind === 'index' ? kind : 'hall';
    reportScreen(screen, openExhibitId());
  });
}
