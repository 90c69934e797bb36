// The tiny hall compiled into the app: what the kiosk shows until a content pack is active.
import { manifestSchema } from '../../shared/manifest';
import type { Manifest, ManifestInput } from '../../shared/manifest';

/**
 * Deliberately small and self-contained (no asset files), so the kiosk always has something
 * correct to show, even on a machine whose data folder is empty or damaged.
 */
const BUILTIN_SOURCE: ManifestInput = {
  schemaVersion: 1,
  id: 'sunrise-builtin',
  version: '0.1.0',
  title: { 'zh-CN': '朝阳奋斗者联盟 · 展厅预览', en: 'Strivers Alliance · Hall preview' },
  description: {
    'zh-CN': '内置预览展厅，导入内容包后将被替换。',
    en: 'A built-in preview hall, replaced once a content pack is imported.',
  },
  locales: ['zh-CN', 'en'],
  defaultLocale: 'zh-CN',
  hall: {
    size: { width: 36, depth: 24 },
    zones: [
      { id: 'welcome', title: { 'zh-CN': '序厅', en: 'Welcome' }, position: { x: -10, z: 4 }, size: { width: 12, depth: 10 }, color: '#FF7A1A' },
      { id: 'skills', title: { 'zh-CN': '技能成长', en: 'Growing skills' }, position: { x: 4, z: 4 }, size: { width: 12, depth: 10 }, color: '#FFB547' },
      { id: 'craftsmen', title: { 'zh-CN': '工匠风采', en: 'Model craftsmen' }, position: { x: 0, z: -6 }, size: { width: 24, depth: 8 }, color: '#4C7DFF' },
    ],
    exhibits: [
      { id: 'welcome-1', zone: 'welcome', title: { 'zh-CN': '欢迎', en: 'Welcome' }, position: { x: -13, z: 2 }, facing: 90 },
      { id: 'welcome-2', zone: 'welcome', title: { 'zh-CN': '联盟', en: 'The Alliance' }, position: { x: -7, z: 2 }, facing: -90 },
      { id: 'skills-1', zone: 'skills', title: { 'zh-CN': '培训', en: 'Training' }, position: { x: 1, z: 2 }, facing: 90 },
      { id: 'skills-2', zone: 'skills', title: { 'zh-CN': '认证', en: 'Certification' }, position: { x: 7, z: 2 }, facing: -90 },
      { id: 'craftsmen-1', zone: 'craftsmen', title: { 'zh-CN': '劳模', en: 'Model workers' }, position: { x: -6, z: -8 }, facing: 0 },
      { id: 'craftsmen-2', zone: 'craftsmen', title: { 'zh-CN': '工匠', en: 'Craftsmen' }, position: { x: 0, z: -8 }, facing: 0 },
      { id: 'craftsmen-3', zone: 'craftsmen', title: { 'zh-CN': '传承', en: 'Passing it on' }, position: { x: 6, z: -8 }, facing: 0 },
    ],
  },
};

/** Parsed once, so defaults (empty media, playlist, files) are filled in exactly as for an imported pack. */
export const BUILTIN_MANIFEST: Manifest = manifestSchema.parse(BUILTIN_SOURCE);
