// Spells numbers, percentages and years in Chinese narration text as characters, so the pinyin step can read them.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACES = ['', '十', '百', '千'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 0–9999 without leading zeros; 2 in the thousands place is said 两 (两千), as people say it. */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (digit === 2 && place === 3 ? '两' : DIGITS[digit] ?? '') + PLACES[place];
  }
  return out;
}

/** 241300 → 二十四万一千三百, 1320000 → 一百三十二万, 10005 → 一万零五, 2000 → 两千. */
export function integerToChinese(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`integerToChinese: ${n} is not a non-negative safe integer`);
  if (n === 0) return DIGITS[0] ?? '';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.unshift(rest % 10_000);
  if (groups.length > GROUPS.length) throw new RangeError(`integerToChinese: ${n} is too large`);
  let out = '';
  let zero = false;
  groups.forEach((group, i) => {
    const unit = GROUPS[groups.length - 1 - i] ?? '';
    if (group === 0) {
      if (out) zero = true;
      return;
    }
    // A gap inside the number is read once as 零: 一万零五, 一亿零三百万.
    if (out && (zero || group < 1000)) out += '零';
    zero = false;
    out += (group === 2 && unit ? '两' : section(group)) + unit;
  });
  // 十五, 十二万: a leading 一十 is said without the 一.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** "24.13" or "241,300" → 二十四点一三 / 二十四万一千三百; the fraction digit by digit. */
export function decimalToChinese(digits: string): string {
  const [whole = '', fraction] = digits.replaceAll(',', '').split('.');
  const head = integerToChinese(Number(whole));
  if (fraction === undefined || fraction === '') return head;
  return `${head}点${[...fraction].map((d) => DIGITS[Number(d)] ?? '').join('')}`;
}

/** 2024 → 二零二四: years are read digit by digit. */
export function yearToChinese(digits: string): string {
  return [...digits].map((d) => DIGITS[Number(d)] ?? '').join('');
}

const PREFIX_WORDS: Record<string, string> = { '~': '约', '～': '约', '≈': '约', '>': '超过', '＞': '超过', '≥': '至少', '<': '不到', '＜': '不到', '≤': '最多' };

/**
 * Rewrites every number in `text` in characters: 24.13万 → 二十四点一三万, 2024年 → 二零二四年,
 * 2021–2024年 → 二零二一至二零二四年, 37% → 百分之三十七, ~2,000 → 约两千, >98% → 超过百分之九十八.
 */
export function spellNumbersZh(text: string): string {
  const years = text
    .replace(/(\d{4})\s*[–—~～-]\s*(\d{4})(?=\s*年)/gu, (_w, a: string, b: string) => `${yearToChinese(a)}至${yearToChinese(b)}`)
    .replace(/(?<!\d)(\d{4})(?=\s*年)/gu, (_w, year: string) => yearToChinese(year));
  return years.replace(
    /([~～≈<>＜＞≤≥]\s?)?(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?[%％])?(?![\d]|[.,]\d)/gu,
    (_whole, prefix: string | undefined, digits: string, fraction: string | undefined, percent: string | undefined) => {
      const number = decimalToChinese(digits + (fraction ?? ''));
      return (prefix ? PREFIX_WORDS[prefix.trim()] ?? '' : '') + (percent ? `百分之${number}` : number);
    },
  );
}
