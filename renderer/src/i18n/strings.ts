// UI strings in every shipped language; a key missing from any dictionary fails the type check.
import type { UiLocale } from '../../../electron/shared/locale';

/** The product's name is a proper name, shown as is in every language. */
export const PRODUCT_NAME = 'Sunrise Hall';

const zhCN = {
  'attract.alliance': '朝阳奋斗者联盟',
  'attract.touch': '触摸开始',
  'hall.home': '首页',
  'hall.restart': '重新开始',
  'hall.language': '切换语言',
  'hall.unavailable': '三维展厅暂时无法显示',
  'index.title': '展品目录',
  'index.fallback': '三维展厅正在恢复，先看看展品目录吧。',
  'index.mascots': '奋斗者联盟',
  'index.open': '展品目录',
  'index.close': '关闭展品目录',
  'panel.close': '关闭展品',
  'panel.figures': '关键数字',
  'startup.loading': '正在准备展厅…',
  'startup.error.title': '展厅暂时无法开启',
  'startup.error.hint': '请联系工作人员，并告知下方的错误代码。',
} as const;

export type StringKey = keyof typeof zhCN;

const en: Record<StringKey, string> = {
  'attract.alliance': 'Strivers Alliance',
  'attract.touch': 'Touch to begin',
  'hall.home': 'Home',
  'hall.restart': 'Start over',
  'hall.language': 'Change language',
  'hall.unavailable': 'The 3D hall cannot be shown right now',
  'index.title': 'Exhibit index',
  'index.fallback': 'The 3D hall is recovering; meanwhile, here is every exhibit.',
  'index.mascots': 'The Strivers Alliance',
  'index.open': 'All exhibits',
  'index.close': 'Close the exhibit index',
  'panel.close': 'Close the exhibit',
  'panel.figures': 'Key figures',
  'startup.loading': 'Preparing the hall…',
  'startup.error.title': 'The hall cannot open right now',
  'startup.error.hint': 'Please ask a member of staff and show them the error code below.',
};

const dictionaries: Record<UiLocale, Record<StringKey, string>> = { 'zh-CN': zhCN, en };

/** The UI string `key` in `locale`. */
export function t(key: StringKey, locale: UiLocale): string {
  return dictionaries[locale][key];
}
