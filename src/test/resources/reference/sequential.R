# Reference boundaries and operating characteristics for GroupSequentialTest. Run: Rscript sequential.R
# (rpact 3.3.4, R 4.2.2, Debian r-cran-rpact). "shift" is the drift squared, eta^2; the ASN figures are E[N] / fixed-design N.
library(rpact)
show <- function(label, d) {
  ch <- getDesignCharacteristics(d)
  cat(label, "crit", sprintf("%.6f", d$criticalValues), "\n")
  if (!all(is.na(d$futilityBounds))) cat(label, "futility", sprintf("%.6f", d$futilityBounds), "\n")
  cat(label, "shift", sprintf("%.6f", ch$shift), "inflation", sprintf("%.6f", ch$inflationFactor),
      "ASN_H1", sprintf("%.6f", ch$averageSampleNumber1), "ASN_H0", sprintf("%.6f", ch$averageSampleNumber0),
      "power", sprintf("%.6f", ch$power), "\n")
}
show("OF4two", getDesignGroupSequential(kMax=4, alpha=0.05, beta=0.2, sided=2, typeOfDesign="asOF"))
show("P4two", getDesignGroupSequential(kMax=4, alpha=0.05, beta=0.2, sided=2, typeOfDesign="asP"))
show("OFuneq", getDesignGroupSequential(informationRates=c(0.2,0.45,0.7,1), alpha=0.05, beta=0.2, sided=2, typeOfDesign="asOF"))
show("Puneq", getDesignGroupSequential(informationRates=c(0.2,0.45,0.7,1), alpha=0.05, beta=0.2, sided=2, typeOfDesign="asP"))
show("OFfut", getDesignGroupSequential(informationRates=c(0.3,0.55,1), alpha=0.025, beta=0.2, sided=1, typeOfDesign="asOF", typeBetaSpending="bsOF", bindingFutility=FALSE))
show("OF4fut", getDesignGroupSequential(kMax=4, alpha=0.025, beta=0.2, sided=1, typeOfDesign="asOF", typeBetaSpending="bsOF", bindingFutility=FALSE))
show("P4futP", getDesignGroupSequential(kMax=4, alpha=0.025, beta=0.1, sided=1, typeOfDesign="asP", typeBetaSpending="bsP", bindingFutility=FALSE))
show("OFclassic", getDesignGroupSequential(kMax=4, alpha=0.05, beta=0.2, sided=2, typeOfDesign="OF"))
# Median-unbiased estimate (stage-wise ordering) and repeated CI after a stop: one-sample means, 40 per stage,
# every stage mean 0.3, stage SDs sqrt((N-1)/(N-K)) so that rpact's pooled SD is exactly 1.
# The Java statistic: z_k = 0.3 * sqrt(40 k), drift eta = theta * sqrt(160).
for (a in list(list("asOF", 3), list("asP", 2))) {
  d <- getDesignGroupSequential(kMax=4, alpha=0.05, sided=2, typeOfDesign=a[[1]])
  K <- a[[2]]; N <- 40 * K
  ds <- getDataset(n=rep(40, K), means=rep(0.3, K), stDevs=rep(sqrt((N - 1) / (N - K)), K))
  r <- suppressWarnings(getAnalysisResults(d, ds, normalApproximation=TRUE))
  k <- r$finalStage
  cat(sprintf("%s finalStage %d medianUnbiased %.8f rciLower %.8f rciUpper %.8f\n", a[[1]], k,
      r$medianUnbiasedEstimates[k], r$repeatedConfidenceIntervalLowerBounds[k], r$repeatedConfidenceIntervalUpperBounds[k]))
}
# Cumulative alpha spent (plan sequential's table, manifest.json's boundaries.alphaSpentOneSided): rpact reports it on
# the design's own sidedness; the tool states the one-sided (PASS side) value, which is sided=1's and half of sided=2's.
cat("OF4alpha sided1", sprintf("%.8f", getDesignGroupSequential(kMax=4, alpha=0.025, sided=1, typeOfDesign="asOF")$alphaSpent), "\n")
cat("OF4alpha sided2", sprintf("%.8f", getDesignGroupSequential(kMax=4, alpha=0.05, sided=2, typeOfDesign="asOF")$alphaSpent), "\n")
cat("P4alpha sided2", sprintf("%.8f", getDesignGroupSequential(kMax=4, alpha=0.05, sided=2, typeOfDesign="asP")$alphaSpent), "\n")
