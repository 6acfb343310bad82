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
