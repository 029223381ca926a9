import { pinyin } from 'pinyin-pro';
import { compact, foldText } from './normalise';

interface Entry {
  term: string;
  others: string[];
}

// Shorter pinyin keys ("sb") would turn too many ordinary queries into synonym searches.
const MIN_PINYIN_KEY = 4;

/** Toneless full pinyin of a term with ideographs ("社保" → "shebao"), or '' when it has none. */
function pinyinKey(term: string): string {
  if (!/[\u3400-\u9fff]/.test(term)) return '';
  return pinyin(term, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
}

/**
 * Synonym groups ("身份证", "居民身份证", "身份证件"): a query containing one term is also run with
 * that term replaced by each other term of its group. A term's full pinyin counts as the term, so
 * "shebao" also searches 社保 and its group (社会保险 …), which no item name spells as 社保.
 */
export class SynonymExpander {
  private readonly entries: Entry[];

  constructor(groups: string[][]) {
    // A term may sit in several groups (生孩子: 出生登记 and 生育…): it expands to all of them.
    const othersOf = new Map<string, Set<string>>();
    const add = (term: string, others: string[]): void => {
      const set = othersOf.get(term) ?? new Set<string>();
      for (const other of others) if (other !== term) set.add(other);
      othersOf.set(term, set);
    };
    for (const group of groups) {
      const terms = [...new Set(group.map((t) => compact(foldText(t))).filter((t) => t !== ''))];
      for (const term of terms) add(term, terms);
      for (const term of terms) {
        const key = pinyinKey(term);
        if (key.length >= MIN_PINYIN_KEY && !terms.includes(key)) add(key, terms);
      }
    }
    const entries = [...othersOf].map(([term, others]) => ({ term, others: [...others] }));
    // Longest first, so "居民身份证" is replaced as a whole and not also as its part "身份证".
    entries.sort((a, b) => b.term.length - a.term.length);
    this.entries = entries.filter((e) => e.others.length > 0);
  }

  /** Variants of the compact query (without the query itself), at most `max`. */
  expand(query: string, max = 12): string[] {
    const covered: [number, number][] = [];
    const variants = new Set<string>();
    for (const { term, others } of this.entries) {
      if (variants.size >= max) break;
      let at = query.indexOf(term);
      while (at >= 0 && covered.some(([s, e]) => at < e && at + term.length > s)) {
        at = query.indexOf(term, at + 1);
      }
      if (at < 0) continue;
      covered.push([at, at + term.length]);
      for (const other of others) {
        const variant = query.slice(0, at) + other + query.slice(at + term.length);
        if (variant !== query) variants.add(variant);
        if (variants.size >= max) break;
      }
    }
    return [...variants];
  }
}
