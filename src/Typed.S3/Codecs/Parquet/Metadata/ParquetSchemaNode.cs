using System;
using System.Collections.Generic;

namespace Typed.S3.Codecs;

/// <summary>
/// A node of a file's schema tree: a group or a leaf column, with the definition and repetition levels its values
/// carry. Built from the footer's flattened elements; nothing about a node is checked until a record column binds
/// to it, so a column of a kind the reader cannot hold (FLOAT16, a map, an unknown type) never stops the file from
/// being read for the other columns.
/// </summary>
internal sealed class ParquetSchemaNode
{
    private const int MaxDepth = 64;

    private ParquetSchemaNode(SchemaElement element, ParquetSchemaNode? parent, int maxDefinition, int maxRepetition)
    {
        Element = element;
        Parent = parent;
        MaxDefinition = maxDefinition;
        MaxRepetition = maxRepetition;
    }

    public SchemaElement Element { get; }

    public string Name => Element.Name;

    public ParquetSchemaNode? Parent { get; }

    public ParquetSchemaNode[] Children { get; private set; } = Array.Empty<ParquetSchemaNode>();

    /// <summary>The highest definition level of the node's values: how many optional or repeated nodes lead to it, itself included.</summary>
    public int MaxDefinition { get; }

    /// <summary>The highest repetition level: how many repeated nodes lead to it, itself included.</summary>
    public int MaxRepetition { get; }

    /// <summary>For a leaf, its column's index in each row group's column chunks; -1 for a group.</summary>
    public int LeafIndex { get; private set; } = -1;

    public bool IsLeaf => LeafIndex >= 0;

    public bool IsRepeated => Element.Repetition == Repetition.Repeated;

    /// <summary>The node's path below the root, dotted, for messages.</summary>
    public string Path => Parent is null || Parent.Parent is null ? Name : Parent.Path + "." + Name;

    /// <summary>Builds the tree of the footer's schema; the root is the first element.</summary>
    public static ParquetSchemaNode Build(SchemaElement[] elements, out int leafCount)
    {
        int next = 1;
        int leaves = 0;
        var root = new ParquetSchemaNode(elements[0], null, 0, 0);
        if (elements[0].NumChildren < 0 || elements[0].Type is not null)
        {
            ParquetErrors.Corrupt("the footer's schema does not start with a group");
        }

        AddChildren(root, elements, ref next, ref leaves, 1);
        if (next != elements.Length)
        {
            ParquetErrors.Corrupt("the footer's schema holds elements outside its tree");
        }

        leafCount = leaves;
        return root;
    }

    /// <summary>The root's child of this name (exact, as columns bind), or null.</summary>
    public ParquetSchemaNode? Find(string name)
    {
        foreach (ParquetSchemaNode child in Children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    // Elements are depth first: each group's children follow it. Each child takes an element, so the counts are checked
    // against the elements left before anything is allocated.
    private static void AddChildren(ParquetSchemaNode parent, SchemaElement[] elements, ref int next, ref int leaves, int depth)
    {
        int count = parent.Element.NumChildren;
        if (count < 0 || count > elements.Length - next)
        {
            ParquetErrors.Corrupt("the footer's schema says a group has more children than it lists");
        }

        if (depth > MaxDepth)
        {
            ParquetErrors.Corrupt("the footer's schema nests too deep");
        }

        var children = new ParquetSchemaNode[count];
        for (int i = 0; i < count; i++)
        {
            // Groups before this child may have taken the elements it counted on.
            if (next >= elements.Length)
            {
                ParquetErrors.Corrupt("the footer's schema says a group has more children than it lists");
            }

            SchemaElement element = elements[next++];
            int definition = parent.MaxDefinition + (element.Repetition == Repetition.Required ? 0 : 1);
            int repetition = parent.MaxRepetition + (element.Repetition == Repetition.Repeated ? 1 : 0);
            var child = new ParquetSchemaNode(element, parent, definition, repetition);
            children[i] = child;
            if (element.IsGroup)
            {
                AddChildren(child, elements, ref next, ref leaves, depth + 1);
            }
            else
            {
                if (element.NumChildren > 0)
                {
                    ParquetErrors.Corrupt("the footer's schema gives children to a column of values");
                }

                child.LeafIndex = leaves++;
            }
        }

        parent.Children = children;
    }

    /// <summary>The root's column names, for messages.</summary>
    public List<string> ChildNames()
    {
        var names = new List<string>(Children.Length);
        foreach (ParquetSchemaNode child in Children)
        {
            names.Add(child.Name);
        }

        return names;
    }
}
