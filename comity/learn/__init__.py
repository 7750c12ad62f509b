"""A small learned event classifier (numpy only): hashed parse features -> softmax regression."""
from comity.learn.classifier import EventClassifier, Prediction, TrainingExample, default_classifier
from comity.learn.cv import kfold
from comity.learn.features import FeatureConfig, FeatureExtractor

__all__ = ["EventClassifier", "Prediction", "TrainingExample", "default_classifier", "kfold",
           "FeatureConfig", "FeatureExtractor"]
