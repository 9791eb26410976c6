# Pooled reference numbers for the federated analyses (tests/Learning.Tests/Analysis).
# Run from the repository root:
#   Rscript tests/Learning.Tests/Analysis/References/make_references.R
# It reads the repository's data/ folders, pools every site's rows the way the sites' mappings
# harmonise them, and writes references.json beside this script. R 4.2.2, survival 3.5-3 (Debian
# r-base-core, r-cran-survival). The fits run to tight convergence so that the references are the
# maximum-likelihood estimates themselves, not an early stop of one optimiser.
suppressPackageStartupMessages(library(survival))
options(digits = 17)

here <- "tests/Learning.Tests/Analysis/References"
num <- function(x) ifelse(is.na(x), "\"NaN\"", ifelse(is.infinite(x), ifelse(x > 0, "\"Infinity\"", "\"-Infinity\""), sprintf("%.17g", x)))
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
str <- function(x) paste0("\"", x, "\"")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf("\"%s\":%s", names(fields), unlist(fields)), collapse = ","), "}")
}
list_of <- function(items) paste0("[", paste(items, collapse = ","), "]")

coefficients_of <- function(est, se, stat, p, lower, upper, terms) {
  list_of(mapply(function(t, e, s, z, pv, lo, hi) obj(term = str(t), estimate = num(e), std_error = num(s), z = num(z), p = num(pv), ci_lower = num(lo), ci_upper = num(hi)),
                 terms, est, se, stat, p, lower, upper))
}

glm_reference <- function(fit) {
  s <- summary(fit)$coefficients
  ci <- confint.default(fit)
  obj(n = num(nobs(fit)), deviance = num(deviance(fit)),
      coefficients = coefficients_of(s[, 1], s[, 2], s[, 3], s[, 4], ci[, 1], ci[, 2], rownames(s)))
}

lm_reference <- function(fit) {
  s <- summary(fit)$coefficients
  ci <- confint(fit)
  obj(n = num(nobs(fit)), deviance = num(sum(residuals(fit)^2)),
      coefficients = coefficients_of(s[, 1], s[, 2], s[, 3], s[, 4], ci[, 1], ci[, 2], rownames(s)))
}

cox_reference <- function(fit) {
  s <- summary(fit)$coefficients
  ci <- confint(fit)
  obj(n = num(fit$n), events = num(fit$nevent), loglik = num(fit$loglik[2]),
      coefficients = coefficients_of(s[, "coef"], s[, "se(coef)"], s[, "z"], s[, "Pr(>|z|)"], ci[, 1], ci[, 2], rownames(s)))
}

km_reference <- function(fit) {
  s <- summary(fit, censored = FALSE)
  strata <- if (is.null(s$strata)) rep("all", length(s$time)) else as.character(s$strata)
  list_of(lapply(unique(strata), function(name) {
    i <- strata == name
    obj(name = str(name), times = arr(s$time[i]), survival = arr(s$surv[i]), lower = arr(s$lower[i]), upper = arr(s$upper[i]),
        n_risk = arr(s$n.risk[i]), n_event = arr(s$n.event[i]))
  }))
}

logrank_reference <- function(test) {
  df <- sum(test$n > 0) - 1
  obj(chisq = num(test$chisq), df = num(df), p = num(pchisq(test$chisq, df, lower.tail = FALSE)),
      observed = arr(if (is.matrix(test$obs)) rowSums(test$obs) else test$obs), expected = arr(if (is.matrix(test$exp)) rowSums(test$exp) else test$exp))
}

# Heart disease: the four UCI files, '?' missing, as data/heart-disease/uci-processed.mapping.json names the fields.
names14 <- c("age", "sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach", "exang", "oldpeak", "slope", "ca", "thal", "num")
heart <- do.call(rbind, lapply(c(cleveland = "cleveland", hungary = "hungarian", switzerland = "switzerland", va = "va"), function(f) {
  d <- read.csv(file.path("data/heart-disease", paste0("processed.", f, ".data")), header = FALSE, na.strings = "?", col.names = names14)
  d$site <- f
  d
}))
heart$cp <- factor(heart$cp, levels = 1:4)
heart$restecg <- factor(heart$restecg, levels = 0:2)
heart$disease <- as.integer(heart$num > 0)
tight <- glm.control(epsilon = 1e-14, maxit = 100)
heart_logistic <- glm(disease ~ age + sex + cp + trestbps + chol + fbs + restecg + thalach + exang + oldpeak, family = binomial, data = heart, control = tight)
heart_linear <- lm(thalach ~ age + sex + cp + trestbps + exang, data = heart)
heart_poisson <- glm(ca ~ age + sex + chol + thalach, family = poisson, data = heart, control = tight)
q <- function(x) quantile(x, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 7, na.rm = TRUE, names = FALSE)
by_site <- function(v) list_of(lapply(split(heart[[v]], heart$site), function(x) obj(n = num(sum(!is.na(x))), mean = num(mean(x, na.rm = TRUE)), sd = num(sd(x, na.rm = TRUE)))))
heart_json <- obj(
  glm_binomial = glm_reference(heart_logistic),
  glm_gaussian = lm_reference(heart_linear),
  glm_poisson = glm_reference(heart_poisson),
  quantiles_age = arr(q(heart$age)), quantiles_chol = arr(q(heart$chol)), quantiles_oldpeak = arr(q(heart$oldpeak)),
  chisq_cp_sex = obj(chisq = num(unname(chisq.test(table(heart$cp, heart$sex), correct = FALSE)$statistic)),
                     df = num(unname(chisq.test(table(heart$cp, heart$sex), correct = FALSE)$parameter)),
                     p = num(chisq.test(table(heart$cp, heart$sex), correct = FALSE)$p.value)),
  describe_sites = list_of(sapply(sort(unique(heart$site)), str)),
  describe_age = by_site("age"), describe_chol = by_site("chol"), describe_oldpeak = by_site("oldpeak"))

# Rotterdam and GBSG: one cohort, harmonised as the two mappings in data/breast-cancer-rotterdam-gbsg do it.
r <- read.csv("data/breast-cancer-rotterdam-gbsg/rotterdam.csv")
g <- read.csv("data/breast-cancer-rotterdam-gbsg/gbsg.csv")
rot <- data.frame(site = "rotterdam", age = r$age, meno = r$meno, size = c("<=20" = 1, "20-50" = 2, ">50" = 3)[r$size], grade = r$grade,
                  nodes = r$nodes, pgr = r$pgr, er = r$er, hormon = r$hormon,
                  rfs_time = ifelse(r$recur == 1, r$rtime, r$dtime), rfs_event = pmax(r$recur, r$death))
gb <- data.frame(site = "gbsg", age = g$age, meno = g$meno, size = as.integer(cut(g$size, c(-Inf, 20, 50, Inf))), grade = g$grade,
                 nodes = g$nodes, pgr = g$pgr, er = g$er, hormon = g$hormon, rfs_time = g$rfstime, rfs_event = g$status)
cohort <- rbind(rot, gb)
cohort$size <- factor(cohort$size, levels = 1:3)
cohort$grade <- factor(cohort$grade, levels = 1:3)
covariates <- Surv(rfs_time, rfs_event) ~ age + meno + size + grade + nodes + pgr + er + hormon
tight_cox <- coxph.control(eps = 1e-14, iter.max = 100, toler.chol = 1e-15)
cox <- function(formula, ties) coxph(formula, data = cohort, ties = ties, control = tight_cox)
by_site_formula <- update(covariates, . ~ . + strata(site))
cohort_json <- obj(
  cox_efron = cox_reference(cox(covariates, "efron")),
  cox_breslow = cox_reference(cox(covariates, "breslow")),
  cox_efron_site = cox_reference(cox(by_site_formula, "efron")),
  cox_breslow_site = cox_reference(cox(by_site_formula, "breslow")),
  km_hormon = km_reference(survfit(Surv(rfs_time, rfs_event) ~ hormon, data = cohort, conf.type = "log")),
  km_all = km_reference(survfit(Surv(rfs_time, rfs_event) ~ 1, data = cohort, conf.type = "log")),
  km_at_times = (function(s) obj(times = arr(s$time), survival = arr(s$surv), lower = arr(s$lower), upper = arr(s$upper), n_risk = arr(s$n.risk), n_event = arr(s$n.event)))(
    summary(survfit(Surv(rfs_time, rfs_event) ~ 1, data = cohort, conf.type = "log"), times = c(365, 730, 1825, 3650))),
  logrank_hormon = logrank_reference(survdiff(Surv(rfs_time, rfs_event) ~ hormon, data = cohort)),
  logrank_hormon_by_site = logrank_reference(survdiff(Surv(rfs_time, rfs_event) ~ hormon + strata(site), data = cohort)),
  logrank_grade = logrank_reference(survdiff(Surv(rfs_time, rfs_event) ~ grade, data = cohort)))

json <- obj(r_version = str(R.version.string), survival_version = str(as.character(packageVersion("survival"))),
            heart_disease = heart_json, rotterdam_gbsg = cohort_json)
writeLines(json, file.path(here, "references.json"))
cat("wrote", file.path(here, "references.json"), "\n")
