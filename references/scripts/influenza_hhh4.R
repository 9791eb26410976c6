## Anchor for `fedchain bench influenza`: the endemic-epidemic model hhh4 with power-law
## spatial interaction (Meyer & Held 2014, Annals of Applied Statistics 8(3)), fitted centrally
## on all 140 districts' weeks 1-312 of fluBYBW, scored one step ahead on weeks 313-416 without
## refitting (oneStepAhead type "final"), plus the naive "same as last week" forecast.
## Run from the repository root: Rscript references/scripts/influenza_hhh4.R
## Needs R's surveillance 1.20.3 (Debian: apt-get install r-cran-surveillance).
suppressMessages(library("surveillance"))
data("fluBYBW")

## The data folder holds the same counts (exported from this object): check before scoring.
counts <- read.csv("data/influenza-bybw/counts.csv", check.names = FALSE)
stopifnot(all(as.matrix(counts[, -(1:2)]) == observed(fluBYBW)[, colnames(counts)[-(1:2)]]))

## Neighbourhood orders for the power law, from the adjacency matrix.
neighbourhood(fluBYBW) <- nbOrder(neighbourhood(fluBYBW) > 0, maxlag = Inf)

model <- list(
  end = list(f = addSeason2formula(~1, S = 3, period = 52), offset = population(fluBYBW)),
  ar = list(f = addSeason2formula(~1, S = 1, period = 52)),
  ne = list(f = addSeason2formula(~1 + log(pop), S = 1, period = 52),
            weights = W_powerlaw(maxlag = 5, normalize = TRUE, log = TRUE)),
  data = list(pop = population(fluBYBW)),
  family = "NegBin1",
  subset = 2:312)
fit <- hhh4(fluBYBW, model)

pred <- oneStepAhead(fit, tp = c(312, 415), type = "final", verbose = FALSE)
y <- observed(fluBYBW)[313:416, ]
mu <- pred$pred
logs <- scores(pred, which = "logs", individual = TRUE)
naive <- observed(fluBYBW)[312:415, ]

cat(sprintf("hhh4 power law: MAE %.3f RMSE %.3f logS %.3f\n", mean(abs(y - mu)), sqrt(mean((y - mu)^2)), mean(logs)))
cat(sprintf("naive (last week): MAE %.3f RMSE %.3f\n", mean(abs(y - naive)), sqrt(mean((y - naive)^2))))
