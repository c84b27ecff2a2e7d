// Draws the correspondence network of the page's filters with Cytoscape.js. The page is whole
// without it: the table beside it lists the same edges. The data comes from the reader's own
// /api/network (the address is in data-api), so the page holds no script and no data inline.
(function () {
  'use strict';
  var container = document.getElementById('network');
  if (!container || typeof cytoscape !== 'function') return;
  container.dataset.state = 'loading';
  // Cytoscape adds a <style> element unless one with this id is there; the policy forbids inline
  // style, so a marker stands in for it and verbatim.css holds the one rule it would add.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    var marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  fetch(container.dataset.api, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('the network could not be read (' + response.status + ')');
      return response.json();
    })
    .then(function (network) {
      var elements = [];
      network.nodes.forEach(function (node) {
        elements.push({ data: { id: node.id, label: node.name, weight: node.sent + node.received } });
      });
      network.edges.forEach(function (edge, i) {
        elements.push({ data: { id: 'e' + i, source: edge.source, target: edge.target, role: edge.role, letters: edge.letters } });
      });
      // Only the busiest people (at least a fifth of the busiest one's letters, and two) are named
      // at first: a hundred labels drawn at once are a blot.
      // The others' names appear as the reader zooms in (min-zoomed-font-size hides a label
      // whose font would be drawn smaller than that).
      var heaviest = Math.max.apply(null, [2].concat(network.nodes.map(function (node) { return node.sent + node.received; })));
      var labelFrom = Math.max(2, heaviest / 5);
      var graph = cytoscape({
        container: container,
        elements: elements,
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'min-zoomed-font-size': 16, 'text-valign': 'bottom', 'text-margin-y': 2, width: 'mapData(weight, 1, ' + heaviest + ', 10, 44)', height: 'mapData(weight, 1, ' + heaviest + ', 10, 44)', 'background-color': '#5b6f8a' } },
          { selector: 'node.major', style: { 'font-size': 13, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
          { selector: 'node[id = "' + (container.dataset.person || '') + '"]', style: { 'background-color': '#a33' } },
          { selector: 'edge', style: { width: 'mapData(letters, 1, 50, 1, 8)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#bbb', 'target-arrow-color': '#bbb', opacity: 0.8 } },
          { selector: 'edge[role = "copy"]', style: { 'line-style': 'dashed' } }
        ],
        layout: { name: 'preset' }
      });
      graph.nodes().filter(function (node) { return node.data('weight') >= labelFrom; }).addClass('major');
      // A force layout whose repulsion and weak gravity pull clusters apart, each component set
      // beside the others; past a few hundred people it would take too long in a browser.
      graph.layout(network.nodes.length > 600 ? { name: 'concentric', animate: false, concentric: function (node) { return node.data('weight'); } } : {
        name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: false,
        idealEdgeLength: 80, nodeRepulsion: 400000, nodeOverlap: 20, edgeElasticity: 100,
        gravity: 0.08, componentSpacing: 120, numIter: 1500
      }).run();
      graph.on('tap', 'node', function (event) {
        window.location.href = '/names/' + encodeURIComponent(event.target.id());
      });
      container.dataset.nodes = String(graph.nodes().length);
      container.dataset.edges = String(graph.edges().length);
      container.dataset.labelled = String(graph.nodes('.major').length);
      container.dataset.state = 'drawn';
    })
    .catch(function (error) {
      container.dataset.state = 'failed';
      container.textContent = error.message;
    });
})();
