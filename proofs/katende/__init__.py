r"""Katende, *Why smooth stability assumptions fail for ReLU learning*: the claims pack.

ReLU losses are not globally L-smooth (Thm 1, Remark 1), smooth surrogates'
constants blow up (Prop 1), and a nonsmooth contraction criterion (Prop 2).
One module per claim, ``proofs/katende/<kind>_<label>.py`` -> ``katende.<kind>_<label>``.
"""

#: The claim-id prefix of this pack (``katende.thm_1``).
PACK = "katende"
#: The paper, as the documents head its part.
TITLE = "Katende, Why smooth stability assumptions fail for ReLU learning"
#: The claims in the order the paper states them (modules not listed follow in label order).
ORDER = ("intro_crossings", "thm_1", "remark_1", "prop_1", "prop_2")
#: Where its part comes among the packs (the order of the project's design: Katende, Cooper, Kumar).
RANK = 1
#: The pack's numeric mirror and symbolic part: the project's shared layers (held apart by
#: :mod:`proofs.independence` and by the import-linter contracts).
MIRROR = ("numeric",)
SYMBOLIC = ("symbolic",)
