r"""Cooper, *A theoretical study of the (L0,L1)-smoothness condition in deep learning*: the claims pack.

Deep networks with L2 or cross-entropy loss are not (L0,L1)-smooth along an
explicit ray (Lemmas 9-11, Thms 12-15, Lemma 16); depth 0 is smooth.
One module per claim, ``proofs/cooper/<kind>_<label>.py`` -> ``cooper.<kind>_<label>``.
"""

#: The claim-id prefix of this pack (``cooper.thm_12``).
PACK = "cooper"
#: The paper, as the documents head its part.
TITLE = "Cooper, A theoretical study of the (L0,L1)-smoothness condition in deep learning"
#: The claims in the order the paper states them; ``depth_1`` is the project's own claim, last.
ORDER = ("assumption_1", "lemma_9", "lemma_10", "lemma_11", "thm_12", "thm_13", "thm_14", "thm_15",
         "lemma_16", "corollary_subquadratic", "depth_1")
#: Where its part comes among the packs (the order of the project's design: Katende, Cooper, Kumar).
RANK = 2
#: The pack's numeric mirror and symbolic part: the project's shared layers (held apart by
#: :mod:`proofs.independence` and by the import-linter contracts).
MIRROR = ("numeric",)
SYMBOLIC = ("symbolic",)
