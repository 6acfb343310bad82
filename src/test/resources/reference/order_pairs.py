"""Reference values for OrderPairSplitTest and HumanBiasTest (calibrate's slot split from order pairs,
stats.OrderPairSplit). Run: python3 order_pairs.py > order_pairs.out (scipy 1.17.1, statsmodels 0.15.0)."""
from scipy.stats import binomtest
from statsmodels.stats.contingency_tables import mcnemar

# One pair per case: the exact McNemar test of the 2 x 2 table of pairs
# (rows: wrong with the passed-over answer first / right; columns: wrong with it second / right).
# statsmodels: mcnemar(table, exact=True).pvalue; the same as scipy binomtest(b, b + c, 0.5).pvalue on the
# discordant cells b (wrong only first) and c (wrong only second).
for table in ([[3, 9], [2, 36]], [[5, 8], [0, 12]], [[10, 4], [4, 30]], [[0, 1], [6, 20]], [[2, 20], [11, 67]]):
    b, c = table[0][1], table[1][0]
    print('mcnemar', table, repr(float(mcnemar(table, exact=True).pvalue)),
          'binomtest', repr(float(binomtest(b, b + c, 0.5, alternative='two-sided').pvalue)))

# Several pairs per case (panel members, samples): the sign test of the cases that lean one way,
# scipy binomtest(leaning first, leaning first + leaning second, 0.5).pvalue.
# Per case: (pairs wrong only first, pairs wrong only second).
cases = [(2, 0), (1, 1), (3, 1), (0, 2), (1, 0), (2, 0), (0, 0), (1, 0), (2, 1), (0, 1), (3, 0), (1, 0)]
first = sum(1 for f, s in cases if f > s)
second = sum(1 for f, s in cases if s > f)
print('cases', first, second, repr(float(binomtest(first, first + second, 0.5).pvalue)))

# HumanBiasTest: 8 of 9 leaning cases lean first (9 misread, 8 right, 8 wrong only first, 1 wrong only second);
# 8 of 8 (wrongVotesSplitBySlotAndLength); 2 of 2 (the panel).
print('humanbias 8 of 9', repr(float(binomtest(8, 9, 0.5).pvalue)), '8 of 8', repr(float(binomtest(8, 8, 0.5).pvalue)),
      '2 of 2', repr(float(binomtest(2, 2, 0.5).pvalue)))
