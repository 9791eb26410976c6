## Reference figures for tests/Learning.Tests/Survival (KaplanMeier, LogRankTest): GBSG-2's
## recurrence-free survival by hormonal therapy, with R's survival 3.5-3 (Debian: r-cran-survival).
## Run from the repository root: Rscript references/scripts/gbsg_survival_reference.R
suppressMessages(library("survival"))
gbsg <- read.csv("data/breast-cancer-rotterdam-gbsg/gbsg.csv")
lr <- survdiff(Surv(rfstime, status) ~ hormon, data = gbsg)
fit <- coxph(Surv(rfstime, status) ~ hormon, data = gbsg, ties = "breslow")
km <- survfit(Surv(rfstime, status) ~ hormon, data = gbsg)
cat(sprintf("log-rank chi2 %.6f p %.8f\n", lr$chisq, 1 - pchisq(lr$chisq, 1)))
cat(sprintf("hazard ratio %.6f ci %.6f %.6f\n", exp(coef(fit)), exp(confint(fit))[1], exp(confint(fit))[2]))
cat(sprintf("median rfs untreated %.0f treated %.0f\n", summary(km)$table[1, "median"], summary(km)$table[2, "median"]))
cat(sprintf("S(1000 days) untreated %.6f\n", summary(km[1], times = 1000)$surv))
