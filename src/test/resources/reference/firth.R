# Reference values for FirthLogistic (issue 15). Run: Rscript firth.R > firth.out
# R 4.2.2, brglm2 (Debian r-cran-brglm2): glm(..., method = "brglmFit", type = "AS_mean") is Firth's penalized fit.
suppressMessages(library(brglm2))
show <- function(label, v) cat(label, paste(sprintf("%.15g", v), collapse = " "), "\n")
# 1. Ordinary data (same as primitives.py's logistic example).
x <- c(-1.2, -0.8, -0.5, -0.3, 0.0, 0.1, 0.2, 0.4, 0.6, 0.9, 1.3, 1.8, -0.1, 0.5)
y <- c(0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1)
f <- glm(y ~ x, family = binomial, method = "brglmFit", type = "AS_mean", epsilon = 1e-12)
show("firth ordinary coef", coef(f)); show("firth ordinary se", sqrt(diag(vcov(f))))
# 2. Complete separation: y = 1 exactly when x > 0 (maximum likelihood diverges).
x2 <- c(-2, -1.5, -1, -0.5, -0.2, 0.3, 0.6, 1, 1.4, 2)
y2 <- c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1)
f2 <- glm(y2 ~ x2, family = binomial, method = "brglmFit", type = "AS_mean", epsilon = 1e-12)
show("firth separated coef", coef(f2)); show("firth separated se", sqrt(diag(vcov(f2))))
# 3. Weighted rows (a tie enters as y = 1 and y = 0 with weight 1/2 each).
x3 <- c(-0.9, -0.4, 0.1, 0.1, 0.5, 0.8, -0.2, -0.2, 0.3, 0.95)
y3 <- c(0, 0, 1, 0, 1, 1, 1, 0, 1, 1)
w3 <- c(1, 1, 0.5, 0.5, 1, 1, 0.5, 0.5, 1, 1)
f3 <- suppressWarnings(glm(y3 ~ x3, family = binomial, weights = w3, method = "brglmFit", type = "AS_mean", epsilon = 1e-12))
show("firth weighted coef", coef(f3)); show("firth weighted se", sqrt(diag(vcov(f3))))
# 4. VerbosityAnalysisTest's datasets (formulas of analysis.py): x = tanh(d / sd(d)), d = words(B) - words(A),
#    sd the sample SD over the 40 outcomes; ties as half-weighted rows; Wald interval and p; LC = plogis(b0).
for (pattern in 0:1) {
  xs <- c(); ys <- c(); ws <- c(); d <- c()
  for (i in 0:39) {
    wa <- 100 + (i * 37) %% 50; wb <- 80 + (i * 53) %% 120; k <- (i * 7) %% 5
    v <- if (pattern == 0) { if (k <= 1) "B" else if (k == 2) "A" else if (k == 3) "T" else if (wb > wa) "B" else "A" }
         else { if (k == 0) "A" else if (k == 1) "T" else if (wb > wa) "B" else "A" }
    s <- switch(v, B = 1, A = 0, T = 0.5)
    d <- c(d, wb - wa)
    if (s > 0) { ys <- c(ys, 1); ws <- c(ws, s); xs <- c(xs, wb - wa) }
    if (s < 1) { ys <- c(ys, 0); ws <- c(ws, 1 - s); xs <- c(xs, wb - wa) }
  }
  xt <- tanh(xs / sd(d))
  f <- suppressWarnings(glm(ys ~ xt, family = binomial, weights = ws, method = "brglmFit", type = "AS_mean", epsilon = 1e-12))
  b <- coef(f); se <- sqrt(diag(vcov(f))); z <- qnorm(0.975)
  show(sprintf("verbosity%d sd(d)", pattern), sd(d))
  show(sprintf("verbosity%d firth coef", pattern), b); show(sprintf("verbosity%d firth se", pattern), se)
  show(sprintf("verbosity%d slope wald ci", pattern), b[2] + c(-1, 1) * z * se[2])
  show(sprintf("verbosity%d slope p 2*pnorm(-|b/se|)", pattern), 2 * pnorm(-abs(b[2] / se[2])))
  show(sprintf("verbosity%d LC plogis(b0), plogis(b0 -/+ z se0)", pattern), plogis(b[1] + c(0, -1, 1) * z * se[1]))
}
