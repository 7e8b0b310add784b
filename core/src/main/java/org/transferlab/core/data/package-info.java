/**
 * The data model. A {@link Domain} is a named task with a train partition of {@link Examples} and a sealed
 * {@link TestPartition} that only the harness's evaluation opens ({@link SealedTestAccess} refuses it while a
 * model is being fitted or selected). Examples carry identities ({@link ExampleId}, {@link ExampleIds},
 * {@link ExampleOrigin}), so that the harness can prove that no source trains on its target's test examples.
 * {@link FeatureShape}, {@link TaskType} and {@link Standardizer} describe and scale them.
 */
package org.transferlab.core.data;
