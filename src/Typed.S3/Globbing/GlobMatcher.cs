using System;
using System.Collections.Generic;

namespace Typed.S3;

/// <summary>
/// A key glob compiled to a nondeterministic automaton and run as a state-set simulation: matching costs
/// at most (key length × pattern size) steps whatever the pattern, so hostile patterns such as
/// <c>a*a*a*a*a*b</c> cannot backtrack exponentially.
/// </summary>
internal sealed class GlobMatcher
{
    private const int StackLimit = 128;

    private readonly State[] _states;
    private readonly int _start;

    private GlobMatcher(State[] states, int start)
    {
        _states = states;
        _start = start;
    }

    private enum Op : byte
    {
        Match,
        Literal,
        AnyButSlash,
        Any,
        Class,
        Split,
    }

    /// <summary>Compiles a parsed pattern.</summary>
    /// <param name="sequence">The pattern's top-level sequence.</param>
    /// <returns>The matcher.</returns>
    public static GlobMatcher Compile(List<GlobNode> sequence)
    {
        var states = new List<State> { new(Op.Match, 0, -1, null, null) };
        int start = CompileSequence(states, sequence, 0);
        return new GlobMatcher(states.ToArray(), start);
    }

    /// <summary>Whether the whole key matches.</summary>
    /// <returns><see langword="true"/> on a full match.</returns>
    public bool IsMatch(string key)
    {
        int count = _states.Length;
        Span<int> buffer = count <= StackLimit ? stackalloc int[StackLimit * 4] : new int[count * 4];
        Span<int> current = buffer.Slice(0, count);
        Span<int> next = buffer.Slice(count, count);
        Span<int> marks = buffer.Slice(count * 2, count);
        Span<int> stack = buffer.Slice(count * 3, count);
        marks.Fill(-1);

        int generation = 0;
        int currentCount = AddClosure(_start, current, 0, marks, generation, stack);
        int position = 0;
        while (position < key.Length)
        {
            if (currentCount == 0)
            {
                return false;
            }

            int codePoint = ReadCodePoint(key, ref position);
            generation++;
            int nextCount = 0;
            for (int i = 0; i < currentCount; i++)
            {
                State state = _states[current[i]];
                bool consumes = state.Op switch
                {
                    Op.Literal => state.CodePoint == codePoint,
                    Op.AnyButSlash => codePoint != '/',
                    Op.Any => true,
                    Op.Class => state.Class!.Matches(codePoint),
                    _ => false,
                };
                if (consumes)
                {
                    nextCount = AddClosure(state.Next, next, nextCount, marks, generation, stack);
                }
            }

            Span<int> swap = current;
            current = next;
            next = swap;
            currentCount = nextCount;
        }

        for (int i = 0; i < currentCount; i++)
        {
            if (_states[current[i]].Op == Op.Match)
            {
                return true;
            }
        }

        return false;
    }

    private static int ReadCodePoint(string key, ref int position)
    {
        char c = key[position++];
        if (char.IsHighSurrogate(c) && position < key.Length && char.IsLowSurrogate(key[position]))
        {
            return char.ConvertToUtf32(c, key[position++]);
        }

        return c;
    }

    // Adds a state and every state reachable from it without consuming input (through splits).
    // A state enters the stack at most once per generation (marked when pushed), so the stack never
    // holds more than the number of states.
    private int AddClosure(int state, Span<int> set, int count, Span<int> marks, int generation, Span<int> stack)
    {
        if (marks[state] == generation)
        {
            return count;
        }

        marks[state] = generation;
        stack[0] = state;
        int depth = 1;
        while (depth > 0)
        {
            int s = stack[--depth];
            State current = _states[s];
            if (current.Op == Op.Split)
            {
                foreach (int target in current.Targets!)
                {
                    if (marks[target] != generation)
                    {
                        marks[target] = generation;
                        stack[depth++] = target;
                    }
                }
            }
            else
            {
                set[count++] = s;
            }
        }

        return count;
    }

    // Compiles back to front, so each piece knows the state that follows it.
    private static int CompileSequence(List<State> states, List<GlobNode> sequence, int next)
    {
        for (int i = sequence.Count - 1; i >= 0; i--)
        {
            next = CompileNode(states, sequence[i], next);
        }

        return next;
    }

    private static int CompileNode(List<State> states, GlobNode node, int next)
    {
        switch (node.Kind)
        {
            case GlobNodeKind.Literal:
                return Add(states, new State(Op.Literal, node.CodePoint, next, null, null));
            case GlobNodeKind.AnyChar:
                return Add(states, new State(Op.AnyButSlash, 0, next, null, null));
            case GlobNodeKind.Class:
                return Add(states, new State(Op.Class, 0, next, node.Class, null));
            case GlobNodeKind.Star:
                return Loop(states, Op.AnyButSlash, next);
            case GlobNodeKind.GlobStarRest:
                return Loop(states, Op.Any, next);
            case GlobNodeKind.GlobStarSegments:
            {
                // Nothing, or anything that ends with '/'.
                int slash = Add(states, new State(Op.Literal, '/', next, null, null));
                int loop = Loop(states, Op.Any, slash);
                return Add(states, new State(Op.Split, 0, -1, null, [next, loop]));
            }

            case GlobNodeKind.Alternation:
            {
                List<List<GlobNode>> alternatives = node.Alternatives!;
                int[] targets = new int[alternatives.Count];
                for (int i = 0; i < targets.Length; i++)
                {
                    targets[i] = CompileSequence(states, alternatives[i], next);
                }

                return Add(states, new State(Op.Split, 0, -1, null, targets));
            }

            default:
                throw new InvalidOperationException("unknown glob node " + node.Kind);
        }
    }

    // A split that either consumes one code point (of the given kind) and comes back, or moves on.
    private static int Loop(List<State> states, Op op, int next)
    {
        int loop = Add(states, new State(Op.Split, 0, -1, null, null));
        int body = Add(states, new State(op, 0, loop, null, null));
        states[loop] = states[loop] with { Targets = [body, next] };
        return loop;
    }

    private static int Add(List<State> states, State state)
    {
        states.Add(state);
        return states.Count - 1;
    }

    private readonly record struct State(Op Op, int CodePoint, int Next, GlobCharClass? Class, int[]? Targets);
}
