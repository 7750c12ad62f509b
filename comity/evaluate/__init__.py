"""Measured quality: gold-set loaders, metrics, evaluation runs and the throughput benchmark.

    from comity.evaluate.quad import load_quad, score_quad
    from comity.evaluate.gsr import load_gsr, score_gsr
    from comity.evaluate.run import predict, predict_cv
"""
