# Fixtures for the ETS tests (dev.qfl.stdlib.models.ets): R's forecast::ets on devset series.
#
# Rerun from /work/main (needs R with the forecast and jsonlite packages and the devset):
#   Rscript stdlib/src/test/r/ets_fixtures.R /work/shared/data/devset stdlib/src/test/resources/fixtures/ets
#
# For each series below, the training part of the devset holdout window (all but the last H points)
# is fitted with model = "ZZZ" (R's automatic choice) and with a few forced models; each fit stores
# the model, parameters, initial states, log-likelihood (R's convention, without the constant),
# AICc, sigma^2 and the forecast mean with 80%/95% interval bounds for H steps. The series values
# are copied into the fixture so the Java tests never read the devset.
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
devset <- if (length(args) >= 1) args[1] else "/work/shared/data/devset"
out_dir <- if (length(args) >= 2) args[2] else "stdlib/src/test/resources/fixtures/ets"

cases <- list(
  list(id = "sk_uk_drivers_ksi", file = "monthly", m = 12, h = 12, forced = c("MNM", "AAA", "ANN")),
  list(id = "sm_elec_equip", file = "monthly", m = 12, h = 12, forced = c("MAdM", "ANA")),
  list(id = "arch_ff_rf", file = "monthly", m = 12, h = 12, forced = c("AAdN")),
  list(id = "pm_ausbeer", file = "quarterly", m = 4, h = 8, forced = c("MAM", "AAdA", "MNA")),
  list(id = "pm_austres", file = "quarterly", m = 4, h = 8, forced = c("AAN", "MAdN")),
  list(id = "sk_uschange_consumption", file = "quarterly", m = 4, h = 8, forced = c("ANA", "AAdN")),
  list(id = "sm_dk_lry", file = "quarterly", m = 4, h = 8, forced = c("ANN", "MNN")),
  list(id = "sm_nile", file = "yearly", m = 1, h = 6, forced = c("MNN", "AAdN")),
  list(id = "sm_fertility_kor", file = "yearly", m = 1, h = 6, forced = c("AAN", "MAdN")),
  list(id = "pm_lynx", file = "yearly", m = 1, h = 6, forced = c("MNN"))
)

code_of <- function(fit) {
  comp <- fit$components
  paste0(comp[1], comp[2], ifelse(comp[4] == "TRUE", "d", ""), comp[3])
}

describe <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  par <- fit$par
  get <- function(name) if (name %in% names(par)) unname(par[name]) else NULL
  list(
    model = code_of(fit), label = fit$method,
    alpha = get("alpha"), beta = get("beta"), gamma = get("gamma"), phi = get("phi"),
    initial_state = I(unname(as.numeric(fit$initstate))),
    loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
    lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2])
  )
}

dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
for (case in cases) {
  data <- read.csv(file.path(devset, paste0(case$file, ".csv")), stringsAsFactors = FALSE)
  values <- data$value[data$id == case$id]
  train <- values[seq_len(length(values) - case$h)]
  y <- ts(train, frequency = case$m)
  auto <- ets(y)
  forced <- lapply(case$forced, function(code) {
    damped <- grepl("d", code)
    letters <- gsub("d", "", code)
    describe(ets(y, model = letters, damped = damped), case$h)
  })
  record <- list(id = case$id, season = case$m, horizon = case$h, y = train,
                 auto = describe(auto, case$h), forced = forced)
  writeLines(toJSON(record, auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path(out_dir, paste0(case$id, ".json")))
  cat(case$id, code_of(auto), "\n")
}
