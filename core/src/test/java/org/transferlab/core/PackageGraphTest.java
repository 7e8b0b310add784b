package org.transferlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageGraphTest {
    private static final String HEADER = "classes -> target/classes\n";

    @Test
    void aCycleIsReportedWithTheClassesThatMakeEachEdge() {
        PackageGraph graph = PackageGraph.parse(HEADER
                + "   a.x.Module      -> a.x.y.Loader     classes\n"
                + "   a.x.Module      -> a.x.Module$1     classes\n"
                + "   a.x.y.Loader    -> a.x.Bindings     classes\n"
                + "   a.x.y.Loader    -> a.z.Leaf         not found\n"
                + "   a.z.Leaf        -> a.w.Other        classes\n");

        assertEquals(List.of("cycle among [a.x, a.x.y]:\n"
                + "  a.x -> a.x.y (Module -> Loader)\n"
                + "  a.x.y -> a.x (Loader -> Bindings)"), graph.cycles());
    }

    @Test
    void packagesThatFormADagHaveNoCycle() {
        PackageGraph graph = PackageGraph.parse(HEADER
                + "   a.x.builtin.Module -> a.x.y.Loader  classes\n"
                + "   a.x.builtin.Module -> a.x.Bindings  classes\n"
                + "   a.x.y.Loader       -> a.x.Bindings  classes\n");

        assertEquals(List.of(), graph.cycles());
    }

    @Test
    void everyEdgeOfACycleOfThreeIsShownAndOnlyTheFirstClassPairsOfAnEdge() {
        PackageGraph graph = PackageGraph.parse(HEADER
                + "   p.A1 -> q.B  classes\n"
                + "   p.A2 -> q.B  classes\n"
                + "   p.A3 -> q.B  classes\n"
                + "   p.A4 -> q.B  classes\n"
                + "   q.B  -> r.C  classes\n"
                + "   r.C  -> p.A1 classes\n");

        assertEquals(List.of("cycle among [p, q, r]:\n"
                + "  p -> q (A1 -> B, A2 -> B, A3 -> B, and 1 more)\n"
                + "  q -> r (B -> C)\n"
                + "  r -> p (C -> A1)"), graph.cycles());
    }
}
