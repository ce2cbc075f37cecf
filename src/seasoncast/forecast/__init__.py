"""Premiere forecasts: the model, its baselines, the backtest (see `model.py`)."""

from seasoncast.forecast.model import Forecast, PremiereForecaster

__all__ = ["Forecast", "PremiereForecaster"]
