r"""Kumar, *GD doesn't make the cut*: the claims pack.

What NDGM, momentum, RMSProp and Adam do on an l1-penalized toy problem
(Props 4.1, B.1-B.11), and non-divergence for convex Lipschitz losses
(Prop 5.1).  The paper's text lost its math; the claims name the reading of
``kumar_equations.md`` they check.  The capture runs' records are in ``data/``.
One module per claim, ``proofs/kumar/<kind>_<label>.py`` -> ``kumar.<kind>_<label>``.
"""

#: The claim-id prefix of this pack (``kumar.prop_b_2``).
PACK = "kumar"
#: The paper, as the documents head its part.
TITLE = "Kumar, GD doesn't make the cut"
#: The claims in the order the paper states them (main text, then Appendix A and B).
ORDER = ("prop_4_1", "eq_9", "example_4", "prop_5_1", "experiment_capture", "prop_b_1", "prop_b_2",
         "experiment_lasso", "prop_b_3", "prop_b_4", "prop_b_5", "prop_b_6", "prop_b_7", "prop_b_8",
         "prop_b_9", "prop_b_10", "prop_b_11", "experiment_comparison")
#: Where its part comes among the packs (the order of the project's design: Katende, Cooper, Kumar).
RANK = 3
#: The pack's numeric mirror and symbolic part: the project's shared layers (held apart by
#: :mod:`proofs.independence` and by the import-linter contracts).
MIRROR = ("numeric",)
SYMBOLIC = ("symbolic",)
