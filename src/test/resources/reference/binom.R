# Cross-check of the exact binomial test and p.adjust in R. Run: Rscript binom.R
for (a in list(c(60, 100, .5), c(40, 100, .5), c(2, 15, .3), c(9, 15, .3), c(131, 200, .6)))
  cat(sprintf("binom.test(%d, %d, %g)$p.value = %.17g\n", a[1], a[2], a[3], binom.test(a[1], a[2], a[3])$p.value))
p <- c(0.001, 0.020, 0.12, 0.42)
for (m in c("bonferroni", "holm", "BH")) cat(m, format(p.adjust(p, m), digits = 17), "\n")
# Wilcoxon signed-rank cross-check (zeros dropped, ties -> normal approximation without continuity correction)
d_exact <- c(1.5, -0.3, 2.2, 0.8, 1.1, -0.7, 3.0, 0.4, 1.9, -1.2)
cat(sprintf("wilcox.test(d_exact, exact = TRUE)$p.value = %.17g\n", wilcox.test(d_exact, exact = TRUE)$p.value))
d_ties <- c(1, 0, 2, -1, 1, 1, 0, 2, -1, 1, 3, 0.5, 1, -0.5, 2, 1, 0, 1.5, 1, -1)
cat(sprintf("wilcox.test(d_ties, exact = FALSE, correct = FALSE)$p.value = %.17g\n",
            suppressWarnings(wilcox.test(d_ties, exact = FALSE, correct = FALSE)$p.value)))
