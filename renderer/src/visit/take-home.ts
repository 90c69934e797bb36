// Take-home links: the one URL that carries all of a visitor's kept exhibits, built from the pack's template.
import type { Manifest } from '../../../electron/shared/manifest';

/**
 * The pack's collection link with `{ids}` replaced by the kept exhibit ids (comma-separated, URL-encoded),
 * or null when the pack has no template (the organizer has not set one) or nothing is kept. The kiosk
 * needs no network: the phone that scans the code opens the link.
 */
export function collectionUrl(manifest: Pick<Manifest, 'takeHome'>, exhibitIds: readonly string[]): string | null {
  const template = manifest.takeHome?.collectionUrl;
  if (!template || exhibitIds.length === 0) return null;
  return template.replace('{ids}', exhibitIds.map(encodeURIComponent).join(','));
}
