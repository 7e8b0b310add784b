/**
 * The DL4J side of the comparison with a hand-written PyTorch peer ({@code benchmarks/peer/epoch_vs_pytorch.sh}):
 * {@link Dl4jEpoch} trains TransferLab's default networks on Fashion-MNIST through DL4J's layer API,
 * {@link SameDiffEpoch} the same networks through SameDiff, each timing its epochs.
 */
package org.transferlab.benchmarks.peer;
