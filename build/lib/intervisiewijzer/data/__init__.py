"""The data: strict YAML reading, the models, loading and every cross-reference check."""

from .catalogue import Catalogue, load_catalogue
from .problems import DataError, Problem

__all__ = ["Catalogue", "DataError", "Problem", "load_catalogue"]
