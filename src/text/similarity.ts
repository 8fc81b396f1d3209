import { stemmer } from '@orama/stemmers/dutch';
import { stopwords } from '@orama/stopwords/dutch';

/*
 * How alike two short Dutch texts are, for finding near-duplicate measures: the cosine of their
 * tf-idf vectors over normalised words (lower case, Dutch stop words left out, Snowball-stemmed, so
 * "onderzoeken" and "onderzoek" are one word). The idf comes from a corpus (the measures of the
 * catalogue), so words that every measure has ("integriteit") count for little and rare ones
 * ("vertrouwenspersoon") for much. 1 is the same wording, 0 no word in common.
 */

/** From this similarity on, two measures count as near-identical. */
export const nearDuplicateThreshold = 0.5;

const stop = new Set(stopwords);

/** The normalised words of a text. */
export function normalisedWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !stop.has(word))
    .map((word) => stemmer(word));
}

/** A similarity measure for texts of one corpus. */
export function similarityWithin(corpus: readonly string[]): (a: string, b: string) => number {
  const documents = corpus.map((text) => new Set(normalisedWords(text)));
  const frequency = new Map<string, number>();
  for (const words of documents) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const idf = (word: string) => Math.log((documents.length + 1) / ((frequency.get(word) ?? 0) + 1));
  const vector = (text: string) => {
    const counts = new Map<string, number>();
    for (const word of normalisedWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return new Map([...counts].map(([word, count]) => [word, count * idf(word)]));
  };
  return (a, b) => {
    const [va, vb] = [vector(a), vector(b)];
    let dot = 0;
    for (const [word, weight] of va) dot += weight * (vb.get(word) ?? 0);
    const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
    const denominator = norm(va) * norm(vb);
    return denominator === 0 ? 0 : dot / denominator;
  };
}

export interface SimilarPair<T> {
  a: T;
  b: T;
  similarity: number;
}

/** The pairs of items whose texts are near-identical, most alike first. */
export function nearDuplicates<T>(
  items: readonly T[],
  text: (item: T) => string,
  corpus: readonly string[],
): SimilarPair<T>[] {
  const similarity = similarityWithin(corpus);
  const pairs: SimilarPair<T>[] = [];
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b) => {
      const value = similarity(text(a), text(b));
      if (value >= nearDuplicateThreshold) pairs.push({ a, b, similarity: value });
    }),
  );
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
