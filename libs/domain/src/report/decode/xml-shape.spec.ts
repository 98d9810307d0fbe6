import { measureXmlShape } from './xml-shape';

const measure = (xml: string, maxElements = 1000, maxDepth = 10) =>
  measureXmlShape(Buffer.from(xml, 'utf8'), maxElements, maxDepth);

describe('measureXmlShape', () => {
  it('counts start tags and self-closing tags as elements, not end tags', () => {
    expect(measure('<?xml version="1.0"?><a><b/><c>文本</c></a>')).toEqual({ elements: 3, problem: null });
  });

  it('skips comments, CDATA and processing instructions even when they contain tags', () => {
    expect(measure('<a><!-- <b><c> --><![CDATA[<d><e>]]><?pi <f>?></a>')).toEqual({
      elements: 1,
      problem: null,
    });
  });

  it('is not fooled by > or /> inside quoted attribute values', () => {
    expect(measure('<a t="x > y" u=\'/>\'><b/></a><c/>', 1000, 2)).toEqual({ elements: 3, problem: null });
  });

  it('reports too many elements as soon as the budget is passed', () => {
    expect(measure('<a/>'.repeat(50), 10)).toEqual({ elements: 11, problem: 'too_many_elements' });
  });

  it('reports nesting deeper than the limit, while siblings at the limit pass', () => {
    expect(measure('<a>'.repeat(11) + '</a>'.repeat(11)).problem).toBe('too_deep');
    expect(measure(('<a>'.repeat(10) + '</a>'.repeat(10)).repeat(5)).problem).toBeNull();
  });

  it('reports a document type declaration', () => {
    expect(measure('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>').problem).toBe('doctype');
  });
});
