# Cross-check of the exact binomial test and p.adjust in R. Run: Rscript binom.R
for (a in list(c(60, 100, .5), c(40, 100, .5), c(2, 15, .3), c(9, 15, .3), c(131, 200, .6)))
  cat(sprintf("binom.test(%d, %d, %g)$p.value = %.17g\n", a[1], a[2], a[3], binom.test(a[1], a[2], a[3])$p.value))
p <- c(0.001, 0.020, 0.12, 0.42)
for (m in c("bonferroni", "holm", "BH")) cat(m, format(p.adjust(p, m), digits = 17), "\n")
