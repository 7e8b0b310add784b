package org.transferlab.transfer.pretrained;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A {@link ComputationGraph} that is a plain chain of layers (one input, each layer fed by the one before,
 * one output) rebuilt as the equivalent {@link MultiLayerNetwork}, with the same layer configurations,
 * input preprocessors and weights, so that every strategy can cut and fine-tune it like any other source
 * network. A graph with branches, merges, several inputs or outputs, or vertices that are not layers has no
 * such equivalent and is refused with a message saying which vertex makes it so.
 */
final class GraphChain {
    private GraphChain() {
    }

    /** The chain's network, layer names kept; throws {@link ModelFileException} for a graph that is not a chain. */
    static MultiLayerNetwork toMultiLayerNetwork(ComputationGraph graph, String file) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<String> order = chain(conf, file);
        List<NeuralNetConfiguration> layers = new ArrayList<>();
        Map<Integer, InputPreProcessor> preprocessors = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            LayerVertex vertex = (LayerVertex) conf.getVertices().get(order.get(i));
            NeuralNetConfiguration layer = vertex.getLayerConf().clone();
            layer.getLayer().setLayerName(order.get(i));
            layers.add(layer);
            if (vertex.getPreProcessor() != null) {
                preprocessors.put(i, vertex.getPreProcessor().clone());
            }
        }
        MultiLayerConfiguration chain = new MultiLayerConfiguration.Builder().confs(layers).inputPreProcessors(preprocessors)
                .dataType(conf.getDataType()).validateOutputLayerConfig(false).build();
        MultiLayerNetwork network = new MultiLayerNetwork(chain);
        network.init();
        for (int i = 0; i < order.size(); i++) {
            if (network.getLayer(i).numParams() > 0) {
                network.getLayer(i).setParams(graph.getLayer(order.get(i)).params().dup());
            }
        }
        return network;
    }

    /** The layer vertices from input to output, or why the graph is not a chain. */
    private static List<String> chain(ComputationGraphConfiguration conf, String file) {
        String refusal = file + " holds a ComputationGraph that is not a plain chain of layers, which TransferLab cannot "
                + "cut (only a MultiLayerNetwork, or a graph equivalent to one, can be a source): ";
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new ModelFileException("file", refusal + "it has " + conf.getNetworkInputs().size() + " inputs and "
                    + conf.getNetworkOutputs().size() + " outputs, where a chain has one of each");
        }
        Map<String, String> next = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : conf.getVertexInputs().entrySet()) {
            GraphVertex vertex = conf.getVertices().get(entry.getKey());
            if (!(vertex instanceof LayerVertex)) {
                throw new ModelFileException("file", refusal + "vertex '" + entry.getKey() + "' is a "
                        + vertex.getClass().getSimpleName() + ", not a layer");
            }
            if (entry.getValue().size() != 1) {
                throw new ModelFileException("file", refusal + "vertex '" + entry.getKey() + "' has " + entry.getValue().size()
                        + " inputs (" + String.join(", ", entry.getValue()) + ")");
            }
            String from = entry.getValue().get(0);
            String earlier = next.put(from, entry.getKey());
            if (earlier != null) {
                throw new ModelFileException("file", refusal + "'" + from + "' feeds both '" + earlier + "' and '"
                        + entry.getKey() + "'");
            }
        }
        List<String> order = new ArrayList<>();
        String current = next.get(conf.getNetworkInputs().get(0));
        while (current != null) {
            order.add(current);
            current = next.get(current);
        }
        if (order.size() != conf.getVertices().size() || !order.get(order.size() - 1).equals(conf.getNetworkOutputs().get(0))) {
            throw new ModelFileException("file", refusal + "its layers do not form one path from input '"
                    + conf.getNetworkInputs().get(0) + "' to output '" + conf.getNetworkOutputs().get(0) + "'");
        }
        return order;
    }
}
