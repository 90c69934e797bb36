// Archiver junk: what both sources skip silently, and what they do not.
import { describe, expect, it } from 'vitest';
import { isJunkPath } from '../../../../electron/core/packs/source/entry-rules';

describe('isJunkPath', () => {
  it('skips macOS resource forks and Finder/Explorer metadata, in any case and any folder', () => {
    for (const path of ['__MACOSX/a/._b.png', '__macosx/x', '.DS_Store', 'a/b/.ds_store', 'Thumbs.db', 'a/THUMBS.DB', 'desktop.ini', 'a/Desktop.ini']) {
      expect(isJunkPath(path), path).toBe(true);
    }
  });

  it('keeps everything else, including names that merely contain a junk name', () => {
    for (const path of ['a/__MACOSX/b.png', 'my.DS_Store.png', 'Thumbs.db.png', 'images/._b.png', 'manifest.json']) {
      expect(isJunkPath(path), path).toBe(false);
    }
  });
});
