// Spells numbers, percentages and years in English narration text as words, so espeak-ng reads them as a guide would.

const ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const unit = n % 10;
  return (TENS[Math.floor(n / 10)] ?? '') + (unit ? `-${ONES[unit] ?? ''}` : '');
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words = hundreds ? [`${ONES[hundreds] ?? ''} hundred`] : [];
  if (rest || !hundreds) words.push(belowHundred(rest));
  return words.join(' ');
}

/** 241300 → "two hundred forty-one thousand three hundred" (American style, no "and"). */
export function integerToWordsEn(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`integerToWordsEn: ${n} is not a non-negative safe integer`);
  if (n === 0) return 'zero';
  const words: string[] = [];
  for (let scale = 0, rest = n; rest > 0; scale++, rest = Math.floor(rest / 1000)) {
    const group = rest % 1000;
    if (scale >= SCALES.length) throw new RangeError(`integerToWordsEn: ${n} is too large`);
    if (group) words.unshift(belowThousand(group) + (scale ? ` ${SCALES[scale] ?? ''}` : ''));
  }
  return words.join(' ');
}

/** "24.13" or "241,300" → words; the fraction digit by digit ("point one three"), as numbers are read aloud. */
export function decimalToWordsEn(digits: string): string {
  const [whole = '', fraction] = digits.replaceAll(',', '').split('.');
  const head = integerToWordsEn(Number(whole));
  if (fraction === undefined || fraction === '') return head;
  return `${head} point ${[...fraction].map((d) => ONES[Number(d)] ?? '').join(' ')}`;
}

/** 2024 → "twenty twenty-four", 2005 → "two thousand five", 1905 → "nineteen oh five". */
export function yearToWordsEn(year: number): string {
  if (year % 1000 < 10) return integerToWordsEn(year);
  const head = Math.floor(year / 100);
  const tail = year % 100;
  if (tail === 0) return `${belowHundred(head)} hundred`;
  return `${belowHundred(head)} ${tail < 10 ? `oh ${ONES[tail] ?? ''}` : belowHundred(tail)}`;
}

const PREFIX_WORDS: Record<string, string> = { '~': 'about', '≈': 'about', '>': 'more than', '≥': 'at least', '<': 'less than', '≤': 'at most' };

/** A plain four-digit number from 1100 to 2099 with no unit is read as a year, as visitors expect. */
function isYear(digits: string): boolean {
  return /^\d{4}$/.test(digits) && Number(digits) >= 1100 && Number(digits) <= 2099;
}

/**
 * Rewrites every number in `text` as words: "1.32 million" → "one point three two million",
 * "25.8%" → "twenty-five point eight percent", "~2,000" → "about two thousand", ">98%" → "more than
 * ninety-eight percent", "2021–2024" → "twenty twenty-one to twenty twenty-four". Numbers glued to letters
 * ("3D", "21st") are left to espeak-ng, which reads those well.
 */
export function spellNumbersEn(text: string): string {
  const yearRanges = text.replace(/(?<![\d\p{L}])(\d{4})\s*[–—-]\s*(\d{4})(?![\d\p{L}])/gu, (whole, a: string, b: string) =>
    isYear(a) && isYear(b) ? `${yearToWordsEn(Number(a))} to ${yearToWordsEn(Number(b))}` : whole,
  );
  return yearRanges.replace(
    /([~≈<>≤≥]\s?)?(?<![\d\p{L}.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?%)?(?![\d\p{L}]|[.,]\d)/gu,
    (_whole, prefix: string | undefined, digits: string, fraction: string | undefined, percent: string | undefined) => {
      const number = !fraction && !percent && isYear(digits) ? yearToWordsEn(Number(digits)) : decimalToWordsEn(digits + (fraction ?? ''));
      const before = prefix ? `${PREFIX_WORDS[prefix.trim()] ?? ''} ` : '';
      return before + number + (percent ? ' percent' : '');
    },
  );
}
