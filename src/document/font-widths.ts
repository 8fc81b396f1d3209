/**
 * Character widths of the writers' fonts in thousandths of an em: for estimating where lines wrap (the DOCX's page
 * estimate) and how wide a table column must be (columns.ts).
 *
 * Arial (the DOCX's), regular and bold. Arial's widths are Helvetica's (that is what Arial was drawn to match), taken from the Adobe Helvetica AFM files that pdfkit ships; Arial
 * Italic is as wide as the regular face. Characters not listed count as an average lowercase letter.
 */
export const CHARACTERS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';
export const REGULAR_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333,
  333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667,
  667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556,
  556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611,
  556, 556, 556, 556, 500, 556, 1000, 944, 667, 500, 500, 611, 500, 556, 333, 333, 556, 1000, 222, 222, 222, 333, 333,
  333, 556, 556, 350, 1000, 1000, 333, 333, 556, 1000,
];
export const BOLD_WIDTHS = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333,
  333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667,
  667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556,
  556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611,
  611, 611, 611, 611, 556, 611, 1000, 944, 667, 556, 556, 611, 500, 556, 333, 333, 556, 1000, 278, 278, 278, 500, 500,
  500, 556, 556, 350, 1000, 1000, 333, 333, 556, 1000,
];

/** Lowercase letters are about this wide, in thousandths of an em: the width of characters not listed. */
const AVERAGE_WIDTH = 500;
const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u2060\ufeff]/;

/**
 * A character's width in thousandths of an em from tables of the regular and the bold face over CHARACTERS. Widths
 * are looked up by character code once they have been found once: the estimates ask for every character of a plan.
 */
function widthTable(regular: readonly number[], bold: readonly number[]): (char: string, bold: boolean) => number {
  const widths = new Map(
    [...CHARACTERS].map((c, i) => [c, [regular[i] ?? AVERAGE_WIDTH, bold[i] ?? AVERAGE_WIDTH] as const]),
  );
  const find = (char: string, isBold: boolean) => {
    const known = widths.get(char);
    return known ? known[isBold ? 1 : 0] : ZERO_WIDTH.test(char) ? 0 : AVERAGE_WIDTH;
  };
  // By code unit, for characters of one: -1 until found.
  const byCode = [new Int16Array(0x10000).fill(-1), new Int16Array(0x10000).fill(-1)] as const;
  return (char, isBold) => {
    if (char.length !== 1) return find(char, isBold);
    const table = byCode[isBold ? 1 : 0];
    const code = char.charCodeAt(0);
    let width = table[code]!;
    if (width < 0) {
      width = find(char, isBold);
      table[code] = width;
    }
    return width;
  };
}

/** The width of a character of Arial in thousandths of an em. */
export const charWidth = widthTable(REGULAR_WIDTHS, BOLD_WIDTHS);

/**
 * Roboto (the PDF's, in pdfmake's TTFs): Regular and Medium, which the PDF uses as bold, over CHARACTERS. Its italic
 * is no wider than its regular face. test/document/font-widths.test.ts checks them against the
 * font files.
 */
export const ROBOTO_REGULAR_WIDTHS = [
  248, 258, 320, 616, 562, 732, 622, 175, 342, 348, 431, 567, 197, 276, 264, 413, 562, 562, 562, 562, 562, 562, 562,
  562, 562, 562, 242, 211, 508, 549, 523, 473, 898, 652, 623, 651, 656, 568, 553, 681, 713, 272, 552, 627, 539, 873,
  713, 688, 631, 688, 616, 594, 597, 648, 637, 887, 627, 601, 599, 265, 411, 265, 418, 451, 309, 544, 562, 523, 564,
  530, 348, 562, 551, 243, 239, 507, 243, 877, 552, 570, 562, 568, 339, 516, 327, 551, 484, 751, 496, 473, 496, 338,
  244, 338, 680, 248, 244, 547, 582, 713, 525, 240, 613, 418, 786, 447, 469, 554, 276, 786, 458, 374, 535, 367, 367,
  313, 567, 489, 261, 248, 367, 455, 469, 732, 776, 778, 474, 652, 652, 652, 652, 652, 652, 935, 651, 568, 568, 568,
  568, 272, 272, 272, 272, 671, 713, 688, 688, 688, 688, 688, 534, 688, 648, 648, 648, 648, 601, 591, 595, 544, 544,
  544, 544, 544, 544, 845, 523, 530, 530, 530, 530, 248, 248, 248, 248, 586, 552, 570, 570, 570, 570, 570, 571, 567,
  551, 551, 551, 551, 473, 576, 954, 908, 594, 516, 601, 599, 496, 341, 471, 472, 656, 781, 200, 200, 199, 354, 357,
  345, 552, 570, 337, 669, 958, 300, 300, 562, 625,
];
export const ROBOTO_MEDIUM_WIDTHS = [
  249, 265, 319, 603, 568, 736, 641, 167, 346, 350, 443, 555, 224, 340, 278, 390, 568, 568, 568, 568, 568, 568, 568,
  568, 568, 568, 264, 240, 509, 563, 520, 486, 897, 663, 631, 653, 653, 565, 551, 681, 709, 283, 556, 632, 540, 875,
  709, 689, 638, 689, 629, 605, 609, 654, 646, 880, 631, 611, 603, 271, 417, 271, 429, 448, 320, 539, 562, 522, 563,
  536, 353, 567, 556, 255, 251, 521, 255, 871, 557, 567, 562, 566, 354, 515, 333, 556, 496, 742, 503, 490, 503, 333,
  249, 333, 663, 249, 265, 563, 588, 702, 531, 246, 622, 446, 786, 445, 486, 552, 340, 786, 481, 382, 536, 370, 370,
  322, 594, 489, 283, 259, 370, 457, 486, 724, 767, 795, 487, 663, 663, 663, 663, 663, 663, 937, 653, 565, 565, 565,
  565, 283, 283, 283, 283, 667, 709, 689, 689, 689, 689, 689, 532, 688, 654, 654, 654, 654, 611, 601, 615, 539, 539,
  539, 539, 539, 539, 845, 522, 536, 536, 536, 536, 261, 261, 261, 261, 580, 557, 567, 567, 567, 567, 567, 571, 565,
  556, 556, 556, 556, 490, 571, 961, 905, 605, 515, 611, 603, 503, 352, 483, 476, 642, 771, 218, 216, 226, 380, 384,
  375, 544, 575, 350, 708, 960, 307, 301, 568, 629,
];

/** The width of a character of Roboto in thousandths of an em (bold: Medium). */
export const robotoWidth = widthTable(ROBOTO_REGULAR_WIDTHS, ROBOTO_MEDIUM_WIDTHS);
