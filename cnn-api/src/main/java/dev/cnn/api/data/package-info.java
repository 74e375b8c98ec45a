/**
 * {@link dev.cnn.api.data.Dataset}, labelled images in memory that training and evaluation read, and its fingerprint,
 * which a model file records so that a model is never scored on data it was not made for.
 */
package dev.cnn.api.data;
