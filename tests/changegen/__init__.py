"""changegen — an independent generator of Jiangsu 1+X declaration-adjustment requests, with truth, that
draws the CHANGES part of ordinary requests the many ways school offices really write it.

(Docstring completed below.)
"""

from tests.changegen.generate import generate

__all__ = ["generate"]
