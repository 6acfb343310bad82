# BradleyTerry2 cross-check of the no-tie Bradley-Terry fit with a first-slot covariate (BradleyTerryReferenceTest),
# the "home advantage" form of BradleyTerry2's baseball example. Run: Rscript bradley_terry.R >> bradley_terry.out
suppressPackageStartupMessages(library(BradleyTerry2))
d <- read.csv("bt-games-noties.csv")
lv <- paste0("v", 0:3)
d$p1 <- data.frame(player = factor(paste0("v", d$first), lv), at.first = 1)
d$p2 <- data.frame(player = factor(paste0("v", d$second), lv), at.first = 0)
d$win <- as.integer(d$result == "FIRST")
d$loss <- 1L - d$win
fit <- BTm(cbind(win, loss), p1, p2, formula = ~ player + at.first, id = "player", data = d,
           control = glm.control(epsilon = 1e-14, maxit = 100))
cat("noties BTm(cbind(win, loss), p1, p2, formula = ~ player + at.first, id = \"player\") coef",
    format(coef(fit), digits = 17), "\n")
cat("noties BTm se", format(sqrt(diag(vcov(fit))), digits = 17), "\n")
