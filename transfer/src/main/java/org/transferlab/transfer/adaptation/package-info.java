/**
 * Deep domain adaptation and fine-tuning regularisers trained jointly: the source network's feature extractor and a
 * new classifier trained on labelled source examples, the target's budget and its unlabelled train partition, with
 * a method's term on features or logits ({@code dann}, {@code cdan}, {@code mmd}, {@code deep-coral}, {@code mcc};
 * {@code bss}, {@code delta} and {@code co-tuning} on the budget alone); and {@code shot}, source-free, which trains
 * the source network's features on the unlabelled target against its frozen head without reading source data
 * ({@code SourceFreeTrainer}). {@link org.transferlab.transfer.adaptation.AdaptationTrainer} runs the joint loop; each
 * term's value and gradient are computed in plain Java ({@code MultiKernelMmd}, {@code CoralLoss},
 * {@code ClassConfusion}, {@code SmallestSingularValues}, {@code GradientReversal}, {@code MultilinearMap},
 * {@code InformationMaximisation}) and reach DL4J's layers as external errors ({@code ExternalErrorNetwork}).
 */
package org.transferlab.transfer.adaptation;
