# Fixtures for the ARIMA tests (dev.qfl.stdlib.models.arima), made with R's forecast package.
#
# Rerun from the repository root (needs R with the forecast and urca packages, and the devset):
#   Rscript stdlib/src/test/r/arima_fixtures.R /work/shared/data/devset stdlib/src/test/resources/fixtures/arima
#
# Every series is the training part of the devset holdout window (all points but the last H).
# Files written:
#   series.csv          id,m,h,values (values space-separated, oldest first, full precision)
#   fixed_fits.csv      fixed-order forecast::Arima fits: orders, constant, coefficients, sigma2, loglik, aicc
#   fixed_forecasts.csv their forecasts: mean and 80%/95% bounds per step
#   auto_orders.csv     auto.arima's chosen orders, ndiffs/nsdiffs, KPSS statistic of the (seasonally differenced) series
suppressPackageStartupMessages({ library(forecast); library(urca) })
args <- commandArgs(trailingOnly = TRUE)
devset <- args[1]; out <- args[2]
read_freq <- function(f) read.csv(file.path(devset, f), stringsAsFactors = FALSE)
meta <- read.csv(file.path(devset, "series.csv"), stringsAsFactors = FALSE)
data <- do.call(rbind, lapply(c("weekly.csv", "monthly.csv", "quarterly.csv", "yearly.csv"), read_freq))
train <- function(id) {
  row <- meta[meta$id == id, ]
  v <- data$value[data$id == id]
  ts(head(v, length(v) - row$h), frequency = row$season_length)
}
fmt <- function(x) trimws(formatC(x, digits = 17, format = "g"))

# Series used by the auto tests: everything up to 400 training points plus the two long weekly ones.
ids <- meta$id[meta$n - meta$h <= 400 | meta$freq == "weekly"]
ser <- data.frame(id = ids, m = sapply(ids, function(i) meta$season_length[meta$id == i]),
                  h = sapply(ids, function(i) meta$h[meta$id == i]),
                  values = sapply(ids, function(i) paste(fmt(as.numeric(train(i))), collapse = " ")))
write.csv(ser, file.path(out, "series.csv"), row.names = FALSE, quote = FALSE)

fixed <- list(
  list("sm_nile", c(1, 0, 1), c(0, 0, 0), TRUE),
  list("pm_lynx", c(2, 0, 0), c(0, 0, 0), TRUE),
  list("pm_austres", c(1, 1, 0), c(0, 0, 0), TRUE),
  list("sk_uk_drivers_ksi", c(1, 0, 1), c(0, 1, 1), TRUE),
  list("pm_ausbeer", c(1, 1, 1), c(0, 1, 1), FALSE),
  list("sm_elec_equip", c(2, 1, 0), c(1, 1, 0), FALSE),
  list("sm_macro_infl", c(2, 0, 1), c(0, 0, 0), TRUE),
  list("arch_vix_w", c(1, 0, 0), c(1, 0, 0), TRUE))
fits <- NULL; fcs <- NULL
for (f in fixed) {
  id <- f[[1]]; y <- train(id); h <- meta$h[meta$id == id]
  fit <- Arima(y, order = f[[2]], seasonal = f[[3]], include.constant = f[[4]])
  fc <- forecast(fit, h = h, level = c(80, 95))
  fits <- rbind(fits, data.frame(id = id, p = f[[2]][1], d = f[[2]][2], q = f[[2]][3],
    P = f[[3]][1], D = f[[3]][2], Q = f[[3]][3], constant = f[[4]],
    coef_names = paste(names(coef(fit)), collapse = " "), coefs = paste(fmt(coef(fit)), collapse = " "),
    sigma2 = fmt(fit$sigma2), loglik = fmt(fit$loglik), aicc = fmt(fit$aicc)))
  fcs <- rbind(fcs, data.frame(id = id, step = seq_len(h), mean = fmt(fc$mean),
    lo80 = fmt(fc$lower[, 1]), hi80 = fmt(fc$upper[, 1]), lo95 = fmt(fc$lower[, 2]), hi95 = fmt(fc$upper[, 2])))
}
write.csv(fits, file.path(out, "fixed_fits.csv"), row.names = FALSE, quote = FALSE)
write.csv(fcs, file.path(out, "fixed_forecasts.csv"), row.names = FALSE, quote = FALSE)

autos <- NULL
for (id in ids) {
  y <- train(id); m <- frequency(y)
  D <- if (m > 1 && length(y) > 2 * m) nsdiffs(y) else 0
  dx <- if (D > 0) diff(y, lag = m) else y
  kp <- ur.kpss(dx, type = "mu", use.lag = trunc(3 * sqrt(length(dx)) / 13))@teststat
  d <- ndiffs(dx)
  fit <- auto.arima(y)
  a <- fit$arma
  autos <- rbind(autos, data.frame(id = id, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7], Q = a[4],
    constant = any(names(coef(fit)) %in% c("intercept", "drift")),
    aicc = fmt(fit$aicc), nsdiffs = D, ndiffs = d, kpss = fmt(kp)))
  cat(id, forecast:::arima.string(fit), "\n")
}
write.csv(autos, file.path(out, "auto_orders.csv"), row.names = FALSE, quote = FALSE)
