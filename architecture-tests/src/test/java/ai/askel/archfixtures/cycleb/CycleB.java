package ai.askel.archfixtures.cycleb;

public class CycleB {
    ai.askel.archfixtures.cyclea.CycleA a;
}
