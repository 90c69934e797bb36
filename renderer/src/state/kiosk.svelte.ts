// The kiosk's session state (screen, language, active pack) and its wiring to the KioskApi.
import type { ActivePack, KioskApi } from '../../../electron/shared/api';
import type { UiLocale } from '../../../electron/shared/locale';
import type { KioskError } from '../../../electron/shared/result';
import type { Settings } from '../../../electron/shared/settings';

export type Screen = 'attract' | 'hall';

/** What lies over the hall during a visit: an exhibit's panel beside it, or the full-screen index. */
export type Overlay = { readonly kind: 'exhibit'; readonly id: string } | { readonly kind: 'index' } | null;

/** Plain data only: no GPU objects, no API handles. The manifest is raw (not proxied): it is never mutated. */
export class KioskState {
  screen = $state<Screen>('attract');
  locale = $state<UiLocale>('zh-CN');
  overlay = $state.raw<Overlay>(null);
  pack = $state.raw<ActivePack | null>(null);
  settings = $state.raw<Settings | null>(null);
  /** Set when start-up could not load what the kiosk needs; the app shows it instead of a blank page. */
  error = $state.raw<KioskError | null>(null);

  /** True until both the pack and the settings have arrived (or start-up failed). */
  readonly loading = $derived(this.error === null && (this.pack === null || this.settings === null));

  /** A touch on the attract screen: a new visit starts in the configured language. */
  startVisit(): void {
    if (this.settings) this.locale = this.settings['locale.default'];
    this.screen = 'hall';
  }

  goHome(): void {
    this.screen = 'attract';
    this.overlay = null;
  }

  /** Opens an exhibit's panel (from the hall or the index); unknown ids are ignored. */
  openExhibit(id: string): void {
    if (this.pack?.manifest.hall.exhibits.some((exhibit) => exhibit.id === id)) this.overlay = { kind: 'exhibit', id };
  }

  openIndex(): void {
    this.overlay = { kind: 'index' };
  }

  closeOverlay(): void {
    this.overlay = null;
  }

  toggleLocale(): void {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    // Only between visits: switching a visitor's language under them would be confusing.
    if (this.screen === 'attract') this.locale = settings['locale.default'];
    this.#recover();
  }

  applyPack(pack: ActivePack): void {
    // A reconnecting client re-sends the pack it already has; rebuilding the hall for it would make
    // the camera jump home mid-visit.
    const current = this.pack;
    if (current && current.baseUrl === pack.baseUrl && current.manifest.id === pack.manifest.id && current.manifest.version === pack.manifest.version) {
      this.#recover();
      return;
    }
    this.pack = pack;
    // An open exhibit may not exist in the new pack; the visitor goes back to the hall.
    this.overlay = null;
    this.#recover();
  }

  /** A start-up error clears itself once events have delivered everything (e.g. staff imported a pack). */
  #recover(): void {
    if (this.error && this.pack && this.settings) this.error = null;
  }

  /**
   * Loads the active pack and settings and follows their changes. Returns the teardown that
   * unsubscribes; results arriving after it ran are ignored.
   */
  connect(api: KioskApi): () => void {
    let live = true;
    const unsubscribers = [
      api.packs.onPackChanged((pack) => live && this.applyPack(pack)),
      api.settings.onSettingsChanged((settings) => live && this.applySettings(settings)),
    ];
    Promise.all([api.packs.active(), api.settings.all()])
      .then(([pack, settings]) => {
        if (!live) return;
        // An event may have delivered newer data while the requests were in flight; keep it.
        if (settings.ok) this.settings ??= settings.value;
        if (pack.ok) this.pack ??= pack.value;
        if (this.settings && this.screen === 'attract') this.locale = this.settings['locale.default'];
        if (!pack.ok && this.pack === null) this.error = pack.error;
        else if (!settings.ok && this.settings === null) this.error = settings.error;
      })
      .catch((error: unknown) => {
        // The contract says hosts never reject; if one does anyway, say so instead of waiting forever.
        if (live) this.error = { code: 'API_E_INTERNAL', message: error instanceof Error ? error.message : String(error) };
      });
    return () => {
      live = false;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }
}
