// The kiosk's session state (screen, language, open panels, visitor modes, active pack) and its wiring to the KioskApi.
import type { ActivePack, KioskApi } from '../../../electron/shared/api';
import type { PledgeWalls } from '../../../electron/shared/pledge-types';
import type { UiLocale } from '../../../electron/shared/locale';
import type { KioskError } from '../../../electron/shared/result';
import type { Settings } from '../../../electron/shared/settings';
import { DEFAULT_MODES } from '../visit/visitor-modes';
import type { VisitorMode, VisitorModes } from '../visit/visitor-modes';

export type { VisitorMode, VisitorModes };

export type Screen = 'attract' | 'hall';

/**
 * What lies over the hall during a visit: a side panel (an exhibit, a mascot's card) or a sheet (the
 * full-screen index, zones, accessibility, help, the visitor's collection).
 */
export type Overlay =
  | { readonly kind: 'exhibit'; readonly id: string }
  | { readonly kind: 'mascot'; readonly id: string }
  | { readonly kind: 'index' | 'zones' | 'access' | 'help' | 'collection' }
  | null;


/** Plain data only: no GPU objects, no API handles. The manifest is raw (not proxied): it is never mutated. */
export class KioskState {
  screen = $state<Screen>('attract');
  locale = $state<UiLocale>('zh-CN');
  overlay = $state.raw<Overlay>(null);
  modes = $state<VisitorModes>({ ...DEFAULT_MODES });
  /** Exhibits the visitor liked, in the order collected; one QR code takes them home at the end. */
  collected = $state.raw<readonly string[]>([]);
  /** When the current visit began (performance.now()), or null on attract. */
  visitStartedAt = $state.raw<number | null>(null);
  pack = $state.raw<ActivePack | null>(null);
  settings = $state.raw<Settings | null>(null);
  /** Messages on the active pack's pledge walls; null until the host delivered them. */
  pledges = $state.raw<PledgeWalls | null>(null);
  /** Set when start-up could not load what the kiosk needs; the app shows it instead of a blank page. */
  error = $state.raw<KioskError | null>(null);

  /** True until both the pack and the settings have arrived (or start-up failed). */
  readonly loading = $derived(this.error === null && (this.pack === null || this.settings === null));

  /** A touch on the attract screen: a new visit starts in the configured language, with default modes. */
  startVisit(): void {
    this.#resetVisitor();
    this.screen = 'hall';
    this.visitStartedAt = performance.now();
  }

  /**
   * The one end-of-visit reset (idle expiry or Start over): language, modes, panels and collection go
   * back to their defaults and the attract screen returns, so nothing of one visitor reaches the next.
   * Audio, camera and analytics are reset by the app's listener for the same moment.
   */
  endVisit(): void {
    this.#resetVisitor();
    this.screen = 'attract';
    this.visitStartedAt = null;
  }

  #resetVisitor(): void {
    if (this.settings) this.locale = this.settings['locale.default'];
    this.overlay = null;
    this.modes = { ...DEFAULT_MODES };
    this.collected = [];
  }

  /** Opens an exhibit's panel (from the hall or the index); unknown ids are ignored. */
  openExhibit(id: string): void {
    if (this.pack?.manifest.hall.exhibits.some((exhibit) => exhibit.id === id)) this.overlay = { kind: 'exhibit', id };
  }

  /** Opens a mascot's card; unknown ids are ignored. */
  openMascot(id: string): void {
    if (this.pack?.manifest.hall.mascots.some((mascot) => mascot.id === id)) this.overlay = { kind: 'mascot', id };
  }

  /** Opens one of the sheets, or closes it if it is the one open (a bar button toggles its sheet). */
  toggleSheet(kind: 'index' | 'zones' | 'access' | 'help' | 'collection'): void {
    this.overlay = this.overlay?.kind === kind ? null : { kind };
  }

  setMode(mode: VisitorMode, on: boolean): void {
    this.modes[mode] = on;
  }

  /** Adds or removes an exhibit from the visitor's collection; returns true if it is now collected. */
  toggleCollected(exhibitId: string): boolean {
    const has = this.collected.includes(exhibitId);
    this.collected = has ? this.collected.filter((id) => id !== exhibitId) : [...this.collected, exhibitId];
    return !has;
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
    this.collected = [];
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
      api.pledges.onChanged((walls) => {
        if (live) this.pledges = walls;
      }),
    ];
    // Walls are decoration, not start-up: a failure here is logged, never a start-up error.
    void api.pledges.walls().then((walls) => {
      if (!live) return;
      if (walls.ok) this.pledges ??= walls.value;
      else console.warn(`[pledges] walls not loaded: ${walls.error.message}`);
    });
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
